export function ExpiresAt({ expiresAt }: { expiresAt: Date }) {
  return (
    <p className="text-stone-500 text-xs dark:text-stone-400">
      Expires at{" "}
      <time dateTime={expiresAt.toISOString()} suppressHydrationWarning>
        {expiresAt.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}
      </time>
    </p>
  );
}
