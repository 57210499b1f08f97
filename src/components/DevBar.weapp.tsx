/** The dev bar does not exist in weapp builds: identity there comes from WeChat alone. */
export function DevBar() {
  return null;
}
