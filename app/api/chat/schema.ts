import { z } from "zod";

export const MAX_MESSAGE_LENGTH = 1000;

const idPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** The client sends only its new message; history comes from the database. */
export const postChatBody = z
  .object({
    id: z.string().regex(idPattern, "Invalid chat id"),
    message: z
      .object({
        id: z.string().regex(idPattern, "Invalid message id"),
        role: z.literal("user"),
        parts: z
          .array(
            z.object({
              type: z.literal("text"),
              text: z
                .string()
                .trim()
                .min(1, "Please type a message.")
                .max(MAX_MESSAGE_LENGTH, `Messages can be at most ${MAX_MESSAGE_LENGTH} characters.`),
            }),
          )
          .length(1),
      })
      .passthrough(),
  })
  .passthrough();

export const chatIdParam = z.string().regex(idPattern);
