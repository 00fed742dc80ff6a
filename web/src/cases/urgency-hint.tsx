import { useEffect } from 'react';
import { Alert } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../app/api.js';
import { useDebounced } from '../app/use-debounced.js';
import { useI18n } from '../i18n/i18n-context.js';

/** What the server reads in a text (GET /api/dispatch/urgency, dispatch/text/urgency.ts). */
interface UrgencyReading {
  urgent: boolean;
  score: number;
  reasons: string[];
}

interface Props {
  text: string;
  /** Called when the text reads as urgent, so that the form can mark the report urgent unless the writer chose. */
  onUrgent: () => void;
}

/**
 * While a report is written: when it reads as an emergency (a gas leak, a fire, people trapped …), say so, say that
 * the dispatcher will be alerted at once, and point to 110 / 119 / 120 — a report on the platform is not an
 * emergency call. The server decides urgency again at intake whatever the form says.
 */
export function UrgencyHint({ text, onUrgent }: Props) {
  const { t } = useI18n();
  // The text goes in the query string (9 bytes a character once encoded): its first 600 characters, where a report
  // says what is happening, keep the address well under the server's 16 kB header limit.
  const checked = useDebounced(text.trim().slice(0, 600), 500);
  const reading = useQuery({
    queryKey: ['dispatch', 'urgency', checked],
    enabled: checked.length >= 4,
    queryFn: ({ signal }) => api<UrgencyReading>('/api/dispatch/urgency', { query: { text: checked }, signal }),
    staleTime: Infinity,
    retry: false,
  });
  const urgent = checked.length >= 4 && reading.data?.urgent === true;
  useEffect(() => {
    if (urgent) onUrgent();
  }, [urgent, onUrgent]);
  if (!urgent || !reading.data) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="urgency-hint"
      data-testid="urgency-hint"
      message={t('urgency.title', { reasons: reading.data.reasons.slice(0, 3).join('、') })}
      description={t('urgency.hint')}
    />
  );
}
