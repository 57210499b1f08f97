import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { ProposalView } from '../../../../types/api';
import { photoSrc } from '../../../api/upload';
import { Section } from '../../../components/Section';

export function Content({ proposal }: { proposal: ProposalView }) {
  const urls = proposal.photos.map(photoSrc);
  return (
    <Section title='提议内容'>
      <View className='card'>
        <Text className='block pre-wrap'>{proposal.description}</Text>
        {urls.length > 0 ? (
          <View className='detail__photos'>
            {urls.map((url, index) => (
              <Image
                key={url}
                className='detail__photo'
                src={url}
                mode='aspectFill'
                aria-label={`照片 ${index + 1}`}
                onClick={() => void Taro.previewImage({ current: url, urls }).catch(() => Taro.showToast({ title: '暂时无法查看大图', icon: 'none' }))}
              />
            ))}
          </View>
        ) : null}
      </View>
    </Section>
  );
}
