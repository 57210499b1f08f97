import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { Input, Textarea, View, Text, Image } from '@tarojs/components';

function Form() {
  const [v, setV] = useState('');
  const [t, setT] = useState('');
  return (
    <View>
      <Input value={v} placeholder='标题' onInput={(e) => setV(e.detail.value)} maxlength={10} />
      <Textarea value={t} placeholder='描述' onInput={(e) => setT(e.detail.value)} />
      <Image src='/x.png' mode='aspectFill' />
      <Text>v={v}</Text>
      <Text>t={t}</Text>
    </View>
  );
}

it('types', async () => {
  const { container } = render(<Form />);
  await new Promise((r) => setTimeout(r, 50));
  console.log(container.innerHTML);
  const input = container.querySelector('input')!;
  const ta = container.querySelector('textarea');
  console.log(!!input, !!ta);
  if (input) { fireEvent.input(input, { target: { value: 'abc' } }); }
  if (ta) { fireEvent.input(ta, { target: { value: 'hello' } }); }
  await new Promise((r) => setTimeout(r, 50));
  console.log(container.innerHTML);
});
