import { Alert, Button, List, Space, Typography } from 'antd';
import { StarOutlined } from '@ant-design/icons';
import { StatusTag } from './case-tags.js';
import { useDraftDuplicates, useFollow, type Draft, type FollowState } from './follow-api.js';
import { formErrors } from './form-errors.js';
import { useDebounced } from '../app/use-debounced.js';
import { useI18n } from '../i18n/i18n-context.js';

interface Props {
  draft: Draft;
  onFollowed: (state: FollowState) => void;
}

/** Distance as people say it: metres nearby, kilometres further away. */
function distanceText(m: number | null, t: ReturnType<typeof useI18n>['t']): string | null {
  if (m === null) return null;
  return m < 1000 ? t('offer.metres', { n: Math.max(10, Math.round(m / 10) * 10) }) : t('offer.km', { n: (m / 1000).toFixed(1) });
}

/**
 * 已有人反映过 — 关注这一件？ While a report is written, the open cases it probably repeats (same place or nearby,
 * similar words) are offered: following one means hearing when it is resolved, instead of filing the same problem
 * again. Cases the writer may not read show their number, status and category only.
 */
export function DuplicateOffer({ draft, onFollowed }: Props) {
  const { t } = useI18n();
  const checked = useDebounced(draft, 600);
  const offers = useDraftDuplicates(checked);
  const follow = useFollow();
  const items = (offers.data ?? []).slice(0, 3);
  if (!items.length) return null;
  const error = follow.error ? formErrors(follow.error, {}).rest : null;
  return (
    <Alert
      type="info"
      showIcon
      className="duplicate-offer"
      data-testid="duplicate-offer"
      message={t('offer.title')}
      description={
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('offer.hint')}
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={items}
            renderItem={(d) => (
              <List.Item
                data-testid="duplicate-offer-item"
                data-case-number={d.number}
                actions={[
                  <Button
                    key="follow"
                    size="small"
                    type="primary"
                    icon={<StarOutlined />}
                    loading={follow.isPending && follow.variables?.id === d.id}
                    onClick={() => follow.mutate({ id: d.id, follow: true }, { onSuccess: onFollowed })}
                    data-testid="duplicate-offer-follow"
                  >
                    {t('offer.follow')}
                  </Button>,
                ]}
              >
                <Space direction="vertical" size={0}>
                  <Space wrap size={4}>
                    <Typography.Text strong>{d.number}</Typography.Text>
                    <StatusTag status={d.status} />
                  </Space>
                  {d.title && <Typography.Text>{d.title}</Typography.Text>}
                  <Typography.Text type="secondary">
                    {[d.categoryName, distanceText(d.distanceMeters, t), t('offer.similar', { n: Math.round(d.similarity * 100) })].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
          {error && <Typography.Text type="danger">{error}</Typography.Text>}
        </>
      }
    />
  );
}
