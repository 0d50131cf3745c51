export function AdminApp(_props: { path: string[]; signInToken?: string }) {
  return <p>Admin</p>;
}
