// One-tap decision links (`/decide/<token>`) in a real browser: every misuse gets its own clear page and changes
// nothing. The links here are built by hand, since each case needs a particular token; the working flow, with the
// link taken from the email, is e2e/notify/email.spec.ts.
import { decisionLinkPath, requestIdFor, requestRow } from "./decision-link";
import { asksForDeluxe, expect, PASSWORD, test } from "./fixtures";

// Several contexts and page loads: more than the default 30 s on a busy 2-core machine.
test.describe.configure({ timeout: 90_000 });

test("misused links get a clear page and change nothing", async ({ openAs, newContext }) => {
  const henry = await openAs("henry");
  const words = await asksForDeluxe(henry);
  const requestId = await requestIdFor(words);
  const link = await decisionLinkPath(words, "jane", "approve");
  const stranger = await (await newContext()).newPage();

  // Tampered: one character of the payload changed.
  const at = "/decide/".length + 10;
  const tampered = link.slice(0, at) + (link[at] === "A" ? "B" : "A") + link.slice(at + 1);
  await stranger.goto(tampered);
  await expect(stranger.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  await stranger.goto("/decide/nonsense");
  await expect(stranger.getByRole("heading", { name: "This link is not valid" })).toBeVisible();

  // Expired (its time is signed into it).
  await stranger.goto(await decisionLinkPath(words, "jane", "approve", new Date(Date.now() - 1000)));
  await expect(stranger.getByRole("heading", { name: "This link has expired" })).toBeVisible();

  // Joe, signed in, opens the link sent to Jane.
  const joe = await openAs("joe");
  await joe.goto(link);
  await expect(joe.getByRole("heading", { name: "This link was sent to Jane" })).toBeVisible();
  await expect(joe.getByRole("button", { name: "Approve" })).toHaveCount(0);
  // "Sign out, to use it as Jane" signs Joe out and comes back to the link, now asking for Jane's password.
  await joe.getByRole("button", { name: "Sign out, to use it as Jane" }).click();
  await expect(joe.getByLabel("Jane's password")).toBeVisible();
  expect(new URL(joe.url()).pathname).toBe(link);

  // Henry, signed in, sees nothing of the request.
  await henry.goto(link);
  await expect(henry.getByRole("heading", { name: "This page is for parents" })).toBeVisible();
  await expect(henry.getByText(/Burger|Deluxe|Jane/)).toHaveCount(0);

  // A wrong password: refused, the typed note kept, nothing decided.
  await stranger.goto(link);
  await stranger.getByLabel("Note").fill("Enjoy it");
  await stranger.getByLabel("Jane's password").fill("not-her-password");
  await stranger.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(stranger.getByText("That password is not right. Try again.")).toBeVisible();
  await expect(stranger.getByLabel("Note")).toHaveValue("Enjoy it");
  expect((await requestRow(requestId)).status).toBe("PENDING");

  // Leave nothing pending (another spec asking for the same dish would merge with it): Jane denies by her link.
  await stranger.goto(await decisionLinkPath(words, "jane", "deny"));
  await expect(stranger.getByRole("heading", { name: "Deny Henry's order from Burger Bonanza?" })).toBeVisible();
  await stranger.getByLabel("Jane's password").fill(PASSWORD);
  await stranger.getByRole("button", { name: "Deny", exact: true }).click();
  await expect(stranger.getByRole("status")).toHaveText("Denied. The child's chat has been told.");
  expect((await requestRow(requestId)).status).toBe("DENIED");

  // The approve link of a decided request says who decided, instead of offering a button.
  await stranger.goto(link);
  await expect(stranger.getByRole("heading", { name: "Already decided" })).toBeVisible();
  await expect(stranger.getByText(/Decided by Jane at \d\d:\d\d: denied\./)).toBeVisible();
});
