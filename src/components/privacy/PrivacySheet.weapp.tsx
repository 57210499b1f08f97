import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { agreePrivacy, declinePrivacy, onPrivacyRequest, openPrivacyContract, PRIVACY_AGREE_BUTTON_ID } from '../../lib/privacy.weapp';
import type { PrivacyRequest } from '../../lib/privacy';
import { recordConsent } from '../../api';
import { PRIVACY_NOTICE_VERSION } from '../../lib/privacy-notice';
import './PrivacySheet.css';

/**
 * The consent sheet WeChat's privacy authorisation asks for: shown over the open page when an API
 * that collects personal information waits for the user's agreement. The guide opens with
 * wx.openPrivacyContract; the agree button is WeChat's own (open-type agreePrivacyAuthorization),
 * the only way an agreement counts.
 */
export function PrivacySheet() {
  const [request, setRequest] = useState<PrivacyRequest | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => onPrivacyRequest(setRequest), []);
  if (!request) return null;
  return (
    <View className='privacy-sheet' role='dialog' aria-label='隐私保护提示' data-testid='privacy-sheet'>
      <View className='privacy-sheet__panel'>
        <Text className='privacy-sheet__title'>隐私保护提示</Text>
        <Text className='privacy-sheet__text'>
          使用这项功能前，请阅读并同意《民生微实事小程序隐私保护指引》。我们只为民生微实事项目收集必要的信息。
        </Text>
        <Text className='privacy-sheet__link' onClick={() => void openPrivacyContract().then(setProblem)}>
          查看《民生微实事小程序隐私保护指引》
        </Text>
        {problem ? <Text className='privacy-sheet__problem'>{problem}</Text> : null}
        <View className='privacy-sheet__actions'>
          <Button className='privacy-sheet__button' onClick={() => declinePrivacy()}>
            不同意
          </Button>
          <Button
            id={PRIVACY_AGREE_BUTTON_ID}
            className='privacy-sheet__button privacy-sheet__button--agree'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => {
              agreePrivacy();
              // Issue 17: the agreement is recorded with the guide's version and the date.
              void recordConsent(PRIVACY_NOTICE_VERSION).catch(() => undefined);
            }}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  );
}
