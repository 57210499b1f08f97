import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ROLE_LABELS } from '../../../../common/glossary';
import { TEXT_LIMITS } from '../../../../common/limits';
import { acceptInvitation } from '../../../api/onboarding';
import { Action } from '../../../components/Action';
import { PageShell } from '../../../components/PageShell';
import { PAGES } from '../../../lib/navigation';
import { Done, FormError } from '../../../staff/workbench/feedback';
import { TextInput } from '../../../staff/workbench/fields';
import { useAction } from '../../../staff/workbench/use-action';
import { codeOfQuery } from '../../appoint';
import '../../../staff/workbench/staff.css';

/**
 * 接受邀请: opened by scanning an invitation (the code comes as `scene` or `code`) or from 我的;
 * the new staff member accepts, and 我的 shows their workbench from then on.
 */
export default function AcceptPage() {
  const router = useRouter();
  const [code, setCode] = useState(codeOfQuery(router.params ?? {}));
  const [name, setName] = useState('');
  const accept = useAction<{ role: keyof typeof ROLE_LABELS; scopeId: string }>();
  return (
    <PageShell>
      <View className='staff' data-testid='accept-invitation'>
        <View className='staff__head'>
          <Text className='staff__title'>接受工作人员邀请</Text>
          <Text className='staff__sub'>邀请码由街道、区或市的管理员生成，8 位，只能使用一次。</Text>
        </View>
        <View className='card'>
          <TextInput label='邀请码' name='code' value={code} onChange={setCode} maxlength={16} placeholder='如：7KQM 2XPA' error={accept.fieldError('code')} required />
          <TextInput
            label='姓名'
            name='name'
            value={name}
            onChange={setName}
            maxlength={TEXT_LIMITS.name}
            placeholder='如：李新'
            hint='显示在人员名单中，便于管理员认出您'
            error={accept.fieldError('name')}
            required
          />
          <FormError message={accept.formError(['code', 'name'])} />
          {accept.done ? (
            <Done>
              已成为{ROLE_LABELS[accept.done.role]}。
              <Action variant='link' onClick={() => void Taro.switchTab({ url: PAGES.mine })}>
                去“我的”进入工作台
              </Action>
            </Done>
          ) : (
            <Action block busy={accept.busy} busyLabel='正在确认…' onClick={() => (name.trim() === '' ? accept.refuse('name', '请填写您的姓名') : void accept.run(() => acceptInvitation({ code, name: name.trim() })))} testId='accept'>
              接受邀请
            </Action>
          )}
        </View>
      </View>
    </PageShell>
  );
}
