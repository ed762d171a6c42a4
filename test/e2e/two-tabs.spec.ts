import { buy, expect, openApp, test } from './fixtures.ts';

test('a second tab follows without writing, and can take over safely', async ({
  page,
  context,
}) => {
  await openApp(page);
  await buy(page, '0.01');
  const commands = () => page.getByTestId('command-count');
  await expect(commands()).toContainText('2 commands');

  const second = await context.newPage();
  await openApp(second);
  await expect(second.getByTestId('follower-banner')).toBeVisible();
  await expect(second.getByRole('button', { name: 'Buy' })).toBeDisabled();
  await expect(second.getByRole('button', { name: 'Deposit' })).toBeDisabled();
  await expect(second.getByTestId('position-BTC').getByTestId('position-quantity')).toHaveText(
    '0.01',
  );

  await second.getByRole('button', { name: 'Take over here' }).click();
  await expect(second.getByTestId('follower-banner')).toBeHidden();
  await expect(page.getByTestId('follower-banner')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Buy' })).toBeDisabled();

  await buy(second, '0.005');
  await expect(second.getByTestId('position-BTC').getByTestId('position-quantity')).toHaveText(
    '0.015',
  );
  // The first tab, now a follower, sees the new writer's trade.
  await expect(page.getByTestId('position-BTC').getByTestId('position-quantity')).toHaveText(
    '0.015',
  );
  await expect(commands()).toContainText('3 commands');
});
