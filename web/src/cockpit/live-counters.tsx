import { useEffect, useRef } from 'react';
import { Badge } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { cockpitKey, useLive } from './cockpit-api.js';
import type { CockpitFilters } from './cockpit-filters.js';
import { chinaToday } from './cockpit-filters.js';
import type { LiveReply } from './cockpit-types.js';
import type { DrillTarget } from './drill.js';
import { useCaseLiveRefresh } from '../cases/case-events.js';
import { useI18n } from '../i18n/i18n-context.js';

const counters = ['openNow', 'overdueNow', 'receivedToday', 'urgentOpen'] as const satisfies readonly (keyof LiveReply)[];

/**
 * Point-in-time counters for the area filtered: read every 30 seconds and again shortly after the server reports a
 * case change. Today's intake drills to today's cases; the others are states, not cohorts, so they do not drill.
 */
export function LiveCounters({ filters, onDrill }: { filters: CockpitFilters; onDrill: (target: DrillTarget) => void }) {
  const { t, lang } = useI18n();
  const live = useLive(filters);
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // A burst of changes (an import) becomes one re-read.
  const connected = useCaseLiveRefresh(() => {
    timer.current ??= setTimeout(() => {
      timer.current = null;
      void queryClient.invalidateQueries({ queryKey: [...cockpitKey, 'live'] });
    }, 800);
  });
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const asOf = live.data ? new Date(live.data.asOf).toLocaleTimeString(lang, { hour12: false, timeZone: 'Asia/Shanghai' }) : '—';
  const today = chinaToday();
  return (
    <div className="live-counters" data-testid="live-counters" data-ready={live.isSuccess}>
      {counters.map((key) => {
        const drill = key === 'receivedToday' ? () => onDrill({ title: t('cockpit.live.receivedToday'), kpi: 'received', narrow: { from: today, to: today } }) : undefined;
        return (
          <div
            key={key}
            className={`live-counter live-counter-${key}${drill ? ' live-counter-link' : ''}`}
            data-testid={`live-${key}`}
            onClick={drill}
            role={drill ? 'button' : undefined}
          >
            <span className="live-value">{live.data ? live.data[key].toLocaleString(lang) : '—'}</span>
            <span className="live-label">{t(`cockpit.live.${key}`)}</span>
          </div>
        );
      })}
      <Badge className="live-status" status={connected ? 'processing' : 'default'} text={t('cockpit.live.asOf', { time: asOf })} />
    </div>
  );
}
