import { Button, View } from '@tarojs/components';

/** weapp: share this project to a chat (the page's share handler gives title and path). */
export function ShareButton() {
  if (process.env.TARO_ENV !== 'weapp') return null;
  return (
    <View className='detail__share'>
      <Button className='btn btn--secondary btn--block detail__share-button' openType='share'>
        分享给邻居
      </Button>
    </View>
  );
}
