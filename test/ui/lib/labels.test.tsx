import { render, screen } from '@testing-library/react';
import { DEADLINE_LABELS, PROPOSAL_STATES, STATE_LABELS } from '../../../common/glossary';
import type { DeadlineName } from '../../../types/domain';
import { DeadlineTag } from '../../../src/components/DeadlineTag';
import { StateBadge } from '../../../src/components/StateBadge';
import { STATE_TONES, messageOf } from '../../../src/lib/labels';

// The words on screen are common/glossary's, the same the server writes into its messages and
// exports: the pages keep no copy of them, only how they look and the wording of errors.
describe('the words on screen', () => {
  it.each(PROPOSAL_STATES)('a badge names the state %s in the glossary word, in a colour of its own tone', (state) => {
    render(<StateBadge state={state} />);
    const badge = screen.getByTestId('state-badge');
    expect(badge).toHaveTextContent(STATE_LABELS[state]);
    expect(STATE_TONES[state]).toBeDefined();
    expect(badge.className).toMatch(/tag--(blue|orange|green|grey)/);
  });

  it.each(Object.keys(DEADLINE_LABELS) as DeadlineName[])('a deadline tag names %s in the glossary word', (name) => {
    render(<DeadlineTag name={name} deadline={{ on: '2026-09-22', provisional: false }} />);
    expect(screen.getByTestId(`deadline-${name}`)).toHaveTextContent(`${DEADLINE_LABELS[name]}2026年9月22日（周二）`);
  });
});

describe('what an error says', () => {
  it('is the server message when there is one', () => {
    expect(messageOf({ code: 'budget_exceeded', message: '超出本年度剩余额度 ¥100.00' })).toBe('超出本年度剩余额度 ¥100.00');
  });

  it('is a sentence for its code when the server sent none', () => {
    expect(messageOf({ code: 'forbidden', message: '' })).toBe('没有权限进行此操作');
  });
});
