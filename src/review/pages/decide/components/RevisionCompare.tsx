import { Text, View } from '@tarojs/components';
import type { ChangeRecord } from '../../../../../types/domain';
import type { BudgetLine } from '../../../../../types/domain';
import { formatFen } from '../../../../lib/money';
import './RevisionCompare.css';

type Revision = NonNullable<ChangeRecord['revision']>;

const totalOf = (lines: BudgetLine[]) => lines.reduce((sum, line) => sum + line.amountFen, 0);

function Lines({ lines, other }: { lines: BudgetLine[]; other: BudgetLine[] }) {
  return (
    <View>
      {lines.map((line, index) => {
        const same = other.some((match) => match.item === line.item && match.amountFen === line.amountFen && Boolean(match.fee) === Boolean(line.fee));
        return (
          <View key={`${line.item}-${index}`} className={`revision__line${same ? '' : ' revision__line--changed'}`}>
            <Text className='revision__item'>
              {line.item}
              {line.fee ? '（服务管理费）' : ''}
            </Text>
            <Text className='revision__amount'>{formatFen(line.amountFen)}</Text>
          </View>
        );
      })}
      <View className='revision__line revision__line--total'>
        <Text className='revision__item'>合计</Text>
        <Text className='revision__amount'>{formatFen(totalOf(lines))}</Text>
      </View>
    </View>
  );
}

/**
 * R-PUB-3: the revised plan and lines beside the report's as they were when the community asked,
 * side by side, the changed parts marked — what the street decides on.
 */
export function RevisionCompare({ revision }: { revision: Revision }) {
  const { before } = revision;
  const afterLines = revision.budgetLines ?? before.budgetLines;
  const afterPlan = revision.plan ?? before.plan;
  return (
    <View className='revision' data-testid='revision-compare'>
      <View className='revision__cols revision__cols--head'>
        <Text className='revision__col-title'>修改前</Text>
        <Text className='revision__col-title revision__col-title--after'>修改后</Text>
      </View>
      <Text className='revision__part'>实施方案{revision.plan === undefined ? '（未修改）' : ''}</Text>
      <View className='revision__cols'>
        <Text className='revision__plan'>{before.plan}</Text>
        <Text className={`revision__plan${revision.plan === undefined ? '' : ' revision__plan--changed'}`} data-testid='revision-plan-after'>
          {afterPlan}
        </Text>
      </View>
      <Text className='revision__part'>经费预算{revision.budgetLines === undefined ? '（未修改）' : ''}</Text>
      <View className='revision__cols'>
        <View className='revision__col'>
          <Lines lines={before.budgetLines} other={afterLines} />
        </View>
        <View className='revision__col' data-testid='revision-lines-after'>
          <Lines lines={afterLines} other={before.budgetLines} />
        </View>
      </View>
      {totalOf(afterLines) !== totalOf(before.budgetLines) ? (
        <Text className='revision__note' data-testid='revision-total-change'>
          预算合计由 {formatFen(totalOf(before.budgetLines))} 改为 {formatFen(totalOf(afterLines))}，同意后按新合计重新占用额度。
        </Text>
      ) : null}
    </View>
  );
}
