import { StaffRoles } from '../../../components/StaffRoles';

// Street review queue: filled in by the staff issue; for now it shows who is signed in.
export default function ReviewQueuePage() {
  return <StaffRoles title='街道审核' />;
}
