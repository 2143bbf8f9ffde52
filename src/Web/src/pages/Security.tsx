import { SignedInDevices } from "../components/SignedInDevices";
import { TwoFactorSettings } from "../components/TwoFactorSettings";
import { usePageTitle } from "../usePageTitle";

/** How the account is protected: the second factor, and the devices signed in with it. */
export function Security() {
  usePageTitle("Security");
  return (
    <>
      <h1>Security</h1>
      <TwoFactorSettings />
      <SignedInDevices />
    </>
  );
}
