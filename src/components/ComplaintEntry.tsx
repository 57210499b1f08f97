import { Text, View } from '@tarojs/components';
import { PAGES, openPage } from '../lib/navigation';

/** 投诉建议: the way from a project or a community page to the private complaint form, at any stage. */
export function ComplaintEntry({ communityId, proposalId }: { communityId: string; proposalId?: string }) {
  const query = `communityId=${encodeURIComponent(communityId)}${proposalId ? `&proposalId=${encodeURIComponent(proposalId)}` : ''}`;
  return (
    <View className='card complaint-entry' role='button' data-testid='complaint-entry' onClick={() => openPage(`${PAGES.complaints}?${query}`)}>
      <Text className='complaint-entry__title'>投诉建议</Text>
      <Text className='complaint-entry__hint'>{proposalId ? '对本项目有意见或发现问题？' : '对本社区的民生微实事有意见或建议？'}只有街道、区的工作人员能看到 ›</Text>
    </View>
  );
}
