import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS } from '../../../common/glossary';
import type { ProposalView } from '../../../types/api';
import type { BudgetLine } from '../../../types/domain';
import { DeadlineTags } from '../../components/DeadlineTag';
import { StateBadge } from '../../components/StateBadge';
import { formatDate } from '../../lib/dates';
import { formatFen } from '../../lib/money';
import { approvedVsAsked } from '../../lib/approved-vs-asked';
import './staff.css';

// Read-only pieces of the staff and review pages: a proposal in a list, a budget, a label and value.

/** A proposal in a staff list: state, title, place, the running deadlines; a tap opens `url`. */
export function StaffProposalCard({
  proposal,
  url,
  place,
  next,
  children,
}: {
  proposal: ProposalView;
  url: string;
  place?: string;
  /** The next step for this worker, in words. */
  next?: string;
  children?: ReactNode;
}) {
  return (
    <View
      className='card card--tappable staff-card'
      role='link'
      aria-label={proposal.title}
      data-testid={`staff-proposal-${proposal.id}`}
      onClick={() => void Taro.navigateTo({ url })}
    >
      <View className='staff-card__top'>
        <StateBadge state={proposal.state} />
        <Text className='tag tag--grey'>{CATEGORY_LABELS[proposal.category]}</Text>
        {place ? <Text className='staff-card__place'>{place}</Text> : null}
      </View>
      <Text className='staff-card__title'>{proposal.title}</Text>
      <DeadlineTags proposal={proposal} />
      {children}
      <View className='staff-card__foot'>
        {next ? <Text className='staff-card__next'>下一步：{next}</Text> : <Text />}
        <Text className='staff-card__open'>办理 ›</Text>
      </View>
    </View>
  );
}

/** The budget lines of a report, read-only, with their total and the fee lines marked. */
export function BudgetTable({ lines, totalFen, feeFen, approvedFen }: { lines: BudgetLine[]; totalFen: number; feeFen?: number; approvedFen?: number }) {
  return (
    <View className='budget-table' data-testid='budget-table'>
      {lines.map((line, index) => (
        <View key={`${index}-${line.item}`} className='budget-table__row'>
          <Text className='budget-table__item'>
            {line.item}
            {line.fee ? <Text className='muted'>（服务管理费）</Text> : null}
          </Text>
          <Text className='budget-table__amount'>{formatFen(line.amountFen)}</Text>
        </View>
      ))}
      <View className='budget-table__row budget-table__row--total'>
        <Text className='budget-table__item'>合计</Text>
        <Text className='budget-table__amount'>{formatFen(totalFen)}</Text>
      </View>
      {feeFen ? (
        <View className='budget-table__row'>
          <Text className='budget-table__item muted'>其中服务管理费</Text>
          <Text className='budget-table__amount'>{formatFen(feeFen)}</Text>
        </View>
      ) : null}
      {approvedFen !== undefined ? (
        <View className='budget-table__row budget-table__row--approved'>
          <Text className='budget-table__item'>街道批复预算</Text>
          <Text className='budget-table__amount'>{formatFen(approvedFen)}</Text>
          <Text className='muted small block' data-testid='approved-vs-asked'>{approvedVsAsked(approvedFen, totalFen)}</Text>
        </View>
      ) : null}
    </View>
  );
}

/** A label and its value on one line. */
export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='staff-kv'>
      <Text className='staff-kv__key'>{label}</Text>
      <View className='staff-kv__value'>{children}</View>
    </View>
  );
}

/** A date the server recorded, on screen. */
export function day(date: string | undefined): string {
  return date ? formatDate(date) : '—';
}

/** Links to the other pages of a workbench, as large tiles. */
export function NavTiles({ tiles }: { tiles: { label: string; url: string; hint?: string; testId?: string; tab?: boolean }[] }) {
  return (
    <View className='nav-tiles'>
      {tiles.map((tile) => (
        <View
          key={tile.url}
          className='nav-tile'
          role='link'
          hoverClass='btn--pressed'
          data-testid={tile.testId}
          onClick={() => void (tile.tab ? Taro.switchTab({ url: tile.url }) : Taro.navigateTo({ url: tile.url }))}
        >
          <Text className='nav-tile__label'>{tile.label}</Text>
          {tile.hint ? <Text className='nav-tile__hint'>{tile.hint}</Text> : null}
        </View>
      ))}
    </View>
  );
}
