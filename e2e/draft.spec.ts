import { expect, newChat, test } from "./fixtures";

test("an unsent message survives a reload", async ({ openAs }) => {
  const rose = await openAs("rose");
  await newChat(rose);
  const box = rose.getByLabel("Message");
  await box.fill("I think I want the cal");
  await expect
    .poll(() => rose.evaluate(() => Object.keys(sessionStorage).some((k) => k.startsWith("lunchbox:draft:"))))
    .toBe(true);
  await rose.reload();
  await expect(rose.getByLabel("Message")).toHaveValue("I think I want the cal");
  // Cleared once it is gone: sending it (or emptying the box) forgets the draft.
  await rose.getByLabel("Message").fill("");
  await rose.reload();
  await expect(rose.getByLabel("Message")).toHaveValue("");
});
