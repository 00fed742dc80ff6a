import { useState } from 'react';
import { App, Button } from 'antd';
import { ActionModal } from './action-modal.js';
import { actionForm, actionTone, orderActions } from './case-actions.js';
import { caseLabel } from './case-labels.js';
import type { CaseAction, CaseDetail, CaseGone } from './case-types.js';
import { useCaseAction } from './cases-api.js';
import { useI18n } from '../i18n/i18n-context.js';

/**
 * One button for each action the server says the user may take now (allowedActions) — no more, no fewer. Steps that
 * need nothing (签收, 开始办理 …) run at once; the others open their small form.
 */
export function CaseActionBar({ c, onDone }: { c: CaseDetail; onDone: (answer: CaseDetail | CaseGone, action: CaseAction) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const act = useCaseAction();
  const [open, setOpen] = useState<CaseAction | null>(null);
  if (!c.allowedActions.length) return null;

  const run = async (action: CaseAction) => {
    try {
      const answer = await act.mutateAsync({ id: c.id, action });
      void message.success(t('case.done', { action: caseLabel(t, 'do', action) }));
      onDone(answer, action);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="case-action-bar" data-testid="case-actions">
      {orderActions(c.allowedActions).map((action) => {
        const tone = actionTone(action);
        return (
          <Button
            key={action}
            type={tone === 'primary' ? 'primary' : 'default'}
            danger={tone === 'danger'}
            loading={act.isPending && act.variables?.action === action}
            onClick={() => (actionForm[action] === 'confirm' ? void run(action) : setOpen(action))}
            data-testid={`action-${action}`}
          >
            {caseLabel(t, 'do', action)}
          </Button>
        );
      })}
      {open && <ActionModal c={c} detail={c} action={open} onClose={() => setOpen(null)} onDone={(answer) => onDone(answer, open)} />}
    </div>
  );
}
