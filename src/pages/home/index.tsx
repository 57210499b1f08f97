import { useCallback } from 'react';
import { Text, View } from '@tarojs/components';
import type { Answer, Directory, Me } from '../../../types/api';
import { getDirectory, getMe } from '../../api';
import { EmptyState, ErrorState, Skeleton } from '../../components/PageStates';
import { PageShell } from '../../components/PageShell';
import { useAnswer } from '../../lib/use-answer';
import './index.css';

interface HomeData {
  directory: Directory;
  /** Null for an anonymous visitor: the directory is public (R-TRN-1). */
  me: Me | null;
}

async function loadHome(): Promise<Answer<HomeData>> {
  const [directory, me] = await Promise.all([getDirectory(), getMe()]);
  if (!directory.ok) return directory;
  return { ok: true, data: { directory: directory.data, me: me.ok ? me.data : null } };
}

export default function HomePage() {
  const load = useCallback(loadHome, []);
  const { state, reload } = useAnswer(load);

  return (
    <PageShell>
      <View className='home'>
        <View className='home__banner'>
          <Text className='home__title'>民生微实事</Text>
          <Text className='home__subtitle'>居民提议 · 社区议事 · 公开透明</Text>
        </View>
        {state.status === 'loading' && <Skeleton rows={4} />}
        {state.status === 'error' && <ErrorState error={state.error} onRetry={() => void reload()} />}
        {state.status === 'ready' && <HomeContent data={state.data} />}
      </View>
    </PageShell>
  );
}

function HomeContent({ data }: { data: HomeData }) {
  const { directory, me } = data;
  const communityCount = directory.districts.reduce(
    (total, district) => total + district.streets.reduce((sum, street) => sum + street.communities.length, 0),
    0,
  );
  return (
    <View>
      {me?.name ? (
        <View className='home__greeting' data-testid='greeting'>
          <Text>你好，{me.name}</Text>
        </View>
      ) : null}
      <View className='home__section-title'>
        <Text>社区名录</Text>
      </View>
      {communityCount === 0 ? (
        <EmptyState message='暂无社区' />
      ) : (
        directory.districts.map((district) => (
          <View key={district.id} className='home__district'>
            <Text className='home__district-name'>{district.name}</Text>
            {district.streets.map((street) => (
              <View key={street.id} className='home__street'>
                <Text className='home__street-name'>{street.name}</Text>
                <View className='home__communities'>
                  {street.communities.map((community) => (
                    <View
                      key={community.id}
                      className={`home__community${me?.communityId === community.id ? ' home__community--mine' : ''}`}
                    >
                      <Text>{community.name}</Text>
                      {me?.communityId === community.id ? <Text className='home__mine-tag'>我的社区</Text> : null}
                    </View>
                  ))}
                </View>
              </View>
            ))}
          </View>
        ))
      )}
    </View>
  );
}
