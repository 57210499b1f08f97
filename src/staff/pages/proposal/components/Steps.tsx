import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ProposalView } from '../../../../../types/api';
import { Action } from '../../../../components/Action';
import { Section } from '../../../../components/Section';
import { formatDate } from '../../../../lib/dates';
import { STAFF_PAGES, allows } from '../../../workbench/proposal-info';
import { ReportEditor } from './ReportEditor';
import { ScreenStep } from './ScreenStep';
import { SubmitStep } from './SubmitStep';
import { PublicityStep } from './PublicityStep';
import { AssignStep, StartStep, CompleteStep } from './ImplementationSteps';
import { EvaluationStep } from './EvaluationStep';
// Issue 18 (acceptance redo)
import { AcceptStep } from './AcceptStep';

/** The steps allowed now, in lifecycle order; when there is none, what the record waits for. */
export function Steps({ proposal, onChanged }: { proposal: ProposalView; onChanged: (message: string) => void }) {
  const can = (action: string) => allows(proposal, action);
  const any = [
    'proposal.screen',
    'proposal.draftReport',
    'council.publishAgenda',
    'council.recordVote',
    'proposal.submitToStreet',
    'publicity.publish',
    'implementation.assign',
    'implementation.start',
    'implementation.complete',
    'evaluation.publish',
    // Issue 18 (acceptance redo)
    'implementation.accept',
  ].some(can);
  return (
    <View data-testid='steps'>
      {can('proposal.screen') ? <ScreenStep proposal={proposal} onChanged={onChanged} /> : null}
      {can('proposal.draftReport') ? (
        <Section title={proposal.report ? '修改申请报告' : '拟定申请报告'} testId='step-report'>
          <View className='card'>
            <ReportEditor proposal={proposal} onSaved={() => onChanged('申请报告已保存')} />
          </View>
        </Section>
      ) : null}
      {can('council.publishAgenda') || can('council.recordVote') ? (
        <Section title='居民议事会' testId='step-council'>
          <View className='card'>
            <Text className='block'>
              {can('council.recordVote') ? '议事会已召开，请录入表决结果。' : '申请报告已拟定，可以列入议事公示，提交居民议事会审议。'}
            </Text>
            <View className='form-actions'>
              <Action block onClick={() => void Taro.navigateTo({ url: STAFF_PAGES.council })} testId='go-council'>
                {can('council.recordVote') ? '去录入表决结果' : '去发布议事公示'}
              </Action>
            </View>
          </View>
        </Section>
      ) : null}
      {can('proposal.submitToStreet') ? <SubmitStep proposal={proposal} onChanged={onChanged} /> : null}
      {can('publicity.publish') ? <PublicityStep proposal={proposal} onChanged={onChanged} /> : null}
      {can('implementation.assign') ? <AssignStep proposal={proposal} onChanged={onChanged} /> : null}
      {can('implementation.start') ? <StartStep proposal={proposal} onChanged={onChanged} /> : null}
      {can('implementation.complete') ? <CompleteStep proposal={proposal} onChanged={onChanged} /> : null}
      {/* Issue 18 (acceptance redo): on its own once the completion form (which asks for it) is gone. */}
      {can('implementation.accept') && !can('implementation.complete') ? <AcceptStep proposal={proposal} onChanged={onChanged} /> : null}
      {can('evaluation.publish') ? <EvaluationStep proposal={proposal} onChanged={onChanged} /> : null}
      {!any ? <Waiting proposal={proposal} /> : null}
    </View>
  );
}

/** Nothing for the worker to do now: say what the project waits for, from what the server sent. */
function Waiting({ proposal }: { proposal: ProposalView }) {
  let text = '目前没有需要您办理的事项。';
  if (proposal.state === 'street_review') text = '已提交街道审核，请等待街道的审核决定。';
  else if (proposal.state === 'publicity' && proposal.publicity) text = `公示中，公示期至 ${formatDate(proposal.publicity.endsOn.on)} 结束，结束后方可确定实施主体。`;
  else if (proposal.state === 'implementing' && proposal.implementation?.side === 'street') text = '本项目由街道实施，开工和完工由街道登记。';
  else if (proposal.state === 'evaluated') text = '评价结果已发布，等待街道发布审计结果。';
  return (
    <Section title='当前进展' testId='waiting'>
      <View className='card'>
        <Text className='block'>{text}</Text>
      </View>
    </Section>
  );
}
