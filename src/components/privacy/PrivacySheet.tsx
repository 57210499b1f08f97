/** H5 has no privacy authorisation of WeChat's: PrivacySheet.weapp.tsx is the weapp sheet. */
export function PrivacySheet() {
  return null;
}
