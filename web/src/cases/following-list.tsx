import { App, Button, Empty, Result, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { StatusTag } from './case-tags.js';
import { useFollow, useFollowing, type FollowedCase } from './follow-api.js';
import { formErrors } from './form-errors.js';
import { formatDateTime } from '../app/format.js';
import { useI18n } from '../i18n/i18n-context.js';

/** One followed case: a link to it when the caller may read it, its number, status and category otherwise. */
function FollowedCard({ item }: { item: FollowedCase }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const follow = useFollow();
  const head = (
    <>
      <div className="case-card-head">
        <span className="case-number">{item.number}</span>
        <span className="case-card-tags">
          <StatusTag status={item.status} />
        </span>
      </div>
      <div className="case-card-title">{item.readable ? item.title : <Typography.Text type="secondary">{t('mine.notReadable')}</Typography.Text>}</div>
      {item.categoryName && <div className="case-card-meta">{item.categoryName}</div>}
      <div className="case-card-foot">
        <Typography.Text type="secondary">{t('mine.followedAt', { time: formatDateTime(item.followedAt, lang) })}</Typography.Text>
      </div>
    </>
  );
  return (
    <div className="case-card case-card-none" data-testid="followed-card" data-case-number={item.number}>
      {item.readable ? (
        <Link to={`/cases/${item.id}`} className="case-card-link">
          {head}
        </Link>
      ) : (
        <div className="case-card-link">{head}</div>
      )}
      <div className="case-card-actions">
        <Button
          size="small"
          loading={follow.isPending}
          onClick={() => follow.mutate({ id: item.id, follow: false }, { onError: (e) => void message.error(formErrors(e, {}).rest ?? String(e)) })}
          data-testid="followed-unfollow"
        >
          {t('mine.unfollow')}
        </Button>
      </div>
    </div>
  );
}

/** 我关注的: the open cases the user chose to follow instead of reporting them again, most recently followed first. */
export function FollowingList() {
  const { t } = useI18n();
  const following = useFollowing();
  if (following.error) return <Result status="error" title={t('common.loadFailed')} subTitle={following.error.message} />;
  if (!following.data) return <Skeleton active />;
  if (!following.data.length) return <Empty description={t('mine.followingEmpty')} data-testid="following-empty" />;
  return (
    <div className="case-list" data-testid="following-list">
      {following.data.map((item) => (
        <FollowedCard key={item.id} item={item} />
      ))}
    </div>
  );
}
