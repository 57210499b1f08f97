import { startWeappBackend, Weapp } from './support/weapp';

jest.setTimeout(60_000);

it('renders home', async () => {
  const backend = await startWeappBackend();
  const app = await Weapp.launch(backend, 'u-res-1');
  await app.open('/pages/home/index');
  await app.idle(20);
  console.log(app.text());
  await app.open('/pages/notices/index');
  await app.idle(20);
  console.log(app.text());
});
