import { useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import { readDevIdentity, writeDevIdentity } from '../api/dev-identity';
import './DevBar.css';

// H5 in local mode only: pick the demo user and the day that the local server should assume.
// The weapp build gets DevBar.weapp.tsx instead, which renders nothing.

const DEMO_USERS: { openid: string | null; label: string }[] = [
  { openid: null, label: '未登录' },
  { openid: 'u-res-1', label: '居民 张小明 · 中英街' },
  { openid: 'u-res-2', label: '居民 · 中英街' },
  { openid: 'u-res-3', label: '居民 · 田心' },
  { openid: 'u-com-zhongying', label: '社区 · 中英街' },
  { openid: 'u-com-tianxin', label: '社区 · 田心' },
  { openid: 'u-street-shatoujiao', label: '街道 · 沙头角' },
  { openid: 'u-street-haishan', label: '街道 · 海山' },
  { openid: 'u-district-yantian', label: '区民政 · 盐田' },
  { openid: 'u-city', label: '市民政' },
];

export function DevBar() {
  const [identity] = useState(readDevIdentity);
  // An identity outside the demo list (a first administrator started with ADMIN_OPENID, an
  // invited account) is shown as itself, not as 未登录, which it is not.
  const users = DEMO_USERS.some((user) => user.openid === identity.openid)
    ? DEMO_USERS
    : [...DEMO_USERS, { openid: identity.openid, label: `其他身份 · ${identity.openid}` }];
  const userIndex = users.findIndex((user) => user.openid === identity.openid);

  const apply = (next: typeof identity) => {
    writeDevIdentity(next);
    window.location.reload();
  };

  return (
    <View className='dev-bar' data-testid='dev-bar'>
      <Text className='dev-bar__tag'>本地调试</Text>
      <Picker
        mode='selector'
        range={users.map((user) => user.label)}
        value={userIndex}
        onChange={(event) => apply({ ...identity, openid: users[Number(event.detail.value)].openid })}
      >
        <View className='dev-bar__field' data-testid='dev-user'>{users[userIndex].label}</View>
      </Picker>
      <Picker
        mode='date'
        value={identity.day ?? ''}
        onChange={(event) => apply({ ...identity, day: String(event.detail.value) || null })}
      >
        <View className='dev-bar__field' data-testid='dev-day'>{identity.day ?? '今天'}</View>
      </Picker>
      {identity.day ? (
        <Text className='dev-bar__reset' onClick={() => apply({ ...identity, day: null })}>
          回到今天
        </Text>
      ) : null}
    </View>
  );
}
