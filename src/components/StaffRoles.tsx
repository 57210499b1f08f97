import { Text, View } from '@tarojs/components';
import { getMe } from '../api';
import { useAnswer } from '../lib/use-answer';
import { ErrorState, Skeleton } from './PageStates';
import { PageShell } from './PageShell';

const ROLE_NAMES = {
  resident: '居民',
  community: '社区工作人员',
  street: '街道审核人员',
  district: '区民政',
  city: '市民政',
  supervisor: '监督员',
} as const;

/** The signed-in user's staff roles: the entry of the subpackages until their pages arrive. */
export function StaffRoles({ title }: { title: string }) {
  const { state, reload } = useAnswer(getMe);
  return (
    <PageShell>
      <View style={{ padding: '16px' }}>
        <Text style={{ fontSize: '20px', fontWeight: 'bold' }}>{title}</Text>
        {state.status === 'loading' && <Skeleton rows={2} />}
        {state.status === 'error' && <ErrorState error={state.error} onRetry={() => void reload()} />}
        {state.status === 'ready' &&
          state.data.roles.map((grant) => (
            <View key={`${grant.role}@${grant.scopeId}`}>
              <Text>
                {ROLE_NAMES[grant.role]} · {grant.scopeId}
              </Text>
            </View>
          ))}
      </View>
    </PageShell>
  );
}
