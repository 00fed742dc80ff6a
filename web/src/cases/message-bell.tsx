import { useEffect, useRef, useState } from 'react';
import { Badge, Button, Drawer, Empty, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useCaseLiveRefresh } from './case-events.js';
import { api } from '../app/api.js';
import { formatDateTime } from '../app/format.js';
import { useIsPhone } from '../app/use-media-query.js';
import { useI18n } from '../i18n/i18n-context.js';
import './message-bell.css';

/** One in-app message (站内消息) as GET /api/messages gives it. */
interface Message {
  id: string;
  title: string;
  body: string;
  caseId: string | null;
  createdAt: string;
  readAt: string | null;
}

const messagesKey = ['messages'] as const;
// The outbox delivers a notice about a second after the change it reports; read again once it has landed.
const DELIVERY_DELAY_MS = 1_500;

/** The header bell: unread count, the latest messages, and a tap that opens the case and marks the message read. */
export function MessageBell() {
  const { t, lang } = useI18n();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const messages = useQuery({
    queryKey: messagesKey,
    queryFn: ({ signal }) => api<{ items: Message[]; unread: number }>('/api/messages', { query: { limit: 20 }, signal }),
    refetchInterval: 60_000,
    staleTime: 15_000,
  });
  const markRead = useMutation({
    mutationFn: (ids: string[]) => Promise.all(ids.map((id) => api<void>(`/api/messages/${encodeURIComponent(id)}/read`, { method: 'POST' }))),
    onSettled: () => queryClient.invalidateQueries({ queryKey: messagesKey }),
  });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useCaseLiveRefresh(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void queryClient.invalidateQueries({ queryKey: messagesKey }), DELIVERY_DELAY_MS);
  });
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const items = messages.data?.items ?? [];
  const unread = messages.data?.unread ?? 0;
  const openMessage = (m: Message) => {
    if (!m.readAt) markRead.mutate([m.id]);
    setOpen(false);
    if (m.caseId) navigate(`/cases/${m.caseId}`);
  };

  const content = (
    <div className="message-panel" data-testid="message-panel">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('messages.empty')} />
      ) : (
        <ul className="message-list">
          {items.map((m) => (
            <li key={m.id}>
              <button type="button" className={m.readAt ? 'message-item' : 'message-item message-unread'} onClick={() => openMessage(m)} data-testid="message-item">
                <span className="message-title">
                  {!m.readAt && <Badge status="processing" />} {m.title}
                </span>
                {m.body && <span className="message-body">{m.body}</span>}
                <span className="message-time">{formatDateTime(m.createdAt, lang)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {unread > 0 && (
        <Button type="link" size="small" block onClick={() => markRead.mutate(items.filter((m) => !m.readAt).map((m) => m.id))} loading={markRead.isPending}>
          {t('messages.markAll')}
        </Button>
      )}
    </div>
  );

  const bell = (
    <Badge count={unread} size="small" offset={[-4, 4]} data-testid="message-count">
      <Button type="text" icon={<BellOutlined />} aria-label={t('messages.title')} onClick={isPhone ? () => setOpen(true) : undefined} data-testid="message-bell" />
    </Badge>
  );
  // A phone gets a sheet from the bottom, where a popover would run off a 360 px screen.
  if (isPhone) {
    return (
      <>
        {bell}
        <Drawer open={open} onClose={() => setOpen(false)} placement="bottom" size="70%" title={t('messages.title')} styles={{ body: { padding: 8 } }}>
          {content}
        </Drawer>
      </>
    );
  }
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={<Typography.Text strong>{t('messages.title')}</Typography.Text>}
      content={content}
      styles={{ root: { width: 360 } }}
    >
      {bell}
    </Popover>
  );
}
