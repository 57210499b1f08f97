import { drive, startBefore, uniqueRequestId, type DemoPlace, type Stage, type World } from './reliability-world';

// Records of each stage of the lifecycle in one community, made on demand with the real use cases
// (test/support/reliability-world.ts `drive`). A test that sends an action which succeeds uses
// the record up (`consume`); the next call gets a fresh one, so every call meets a record in the
// state its action expects.

export interface Pooled {
  id: string;
  meetingId?: string;
  commentId?: string;
  changeId?: string;
  days: { start: string; meetingOn: string; approvedOn: string; publicityOn: string; assignedOn: string };
}

export type PoolName =
  | Stage
  | 'publicity_open'
  | 'published_comment'
  | 'pending_comment'
  | 'pending_change'
  | 'change_target';

export class Pools {
  private readonly current = new Map<PoolName, Pooled>();
  /** Records made since this was last reset by the caller (their writes are the world's, not a test's). */
  made = 0;

  constructor(
    private readonly world: World,
    private readonly place: DemoPlace,
    private readonly today: string,
    /** The budget of every pooled record: small, so that thousands fit a community's allocation. */
    readonly budgetFen = 10_000,
  ) {}

  async get(name: PoolName): Promise<Pooled> {
    const existing = this.current.get(name);
    if (existing) return existing;
    const made = await this.make(name);
    this.made += 1;
    this.current.set(name, made);
    return made;
  }

  consume(name: PoolName): void {
    this.current.delete(name);
  }

  private async make(name: PoolName): Promise<Pooled> {
    const { world, today, place } = this;
    const start = startBefore(today, 45);
    const budgetFen = () => this.budgetFen;
    switch (name) {
      case 'publicity_open': {
        const driven = await drive(world, place, 'publicity', { start: startBefore(today, 30), publicityOn: today, budgetFen });
        return { id: driven.ids[0], days: driven.days };
      }
      case 'published_comment':
      case 'pending_comment': {
        const open = await this.get('publicity_open');
        // The content check sends text with 加微信 to a community worker: the comment waits, pending.
        const text = name === 'pending_comment' ? '有问题加微信联系' : '支持这个项目';
        const comment = await world.ok(place.resident, today, 'comment.add', { proposalId: open.id, text, requestId: uniqueRequestId('pool') });
        return { ...open, commentId: comment.id };
      }
      case 'pending_change':
      case 'change_target': {
        const driven = await drive(world, place, 'approved', { start, budgetFen });
        if (name === 'change_target') return { id: driven.ids[0], days: driven.days };
        const change = await world.ok(place.worker, today, 'change.request', { id: driven.ids[0], kind: 'adjust', reason: '材料涨价', newBudgetFen: this.budgetFen + 1_000 });
        return { id: driven.ids[0], changeId: change.id, days: driven.days };
      }
      case 'agenda_published': {
        const driven = await drive(world, place, 'agenda_published', { start, budgetFen });
        return { id: driven.ids[0], meetingId: driven.meetingIds[0], days: driven.days };
      }
      default: {
        const driven = await drive(world, place, name, { start, budgetFen });
        return { id: driven.ids[0], days: driven.days };
      }
    }
  }
}
