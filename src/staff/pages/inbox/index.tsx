import { StaffRoles } from '../../../components/StaffRoles';

// Community workbench: filled in by the staff issue; for now it shows who is signed in.
export default function StaffInboxPage() {
  return <StaffRoles title='社区工作台' />;
}
