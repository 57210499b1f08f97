import { Text, View } from '@tarojs/components';
import './Stars.css';

const STAR_WORDS = ['', '很不满意', '不满意', '一般', '满意', '很满意'];

/** Five large stars to tap; each is a radio with its meaning in words. */
export function StarsInput({ value, onChange, disabled }: { value: number; onChange: (stars: number) => void; disabled?: boolean }) {
  return (
    <View className='stars-input'>
      <View className='stars-input__row' role='radiogroup' aria-label='评分'>
        {[1, 2, 3, 4, 5].map((stars) => (
          <View
            key={stars}
            className={`stars-input__star${stars <= value ? ' stars-input__star--on' : ''}`}
            role='radio'
            aria-checked={stars === value}
            aria-label={`${stars} 星 ${STAR_WORDS[stars]}`}
            onClick={() => {
              if (!disabled) onChange(stars);
            }}
          >
            <Text>★</Text>
          </View>
        ))}
      </View>
      <Text className='stars-input__word'>{value ? `${value} 星 · ${STAR_WORDS[value]}` : '请点击星星打分'}</Text>
    </View>
  );
}

/** Stars shown, not tapped: the average rounded to whole stars, with the number beside. */
export function StarsDisplay({ average }: { average: number }) {
  const whole = Math.round(average);
  return (
    <Text className='stars-display' aria-label={`平均 ${average.toFixed(1)} 星`}>
      {'★'.repeat(whole)}
      <Text className='stars-display__off'>{'★'.repeat(5 - whole)}</Text>
    </Text>
  );
}
