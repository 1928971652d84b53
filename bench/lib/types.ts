import type { Client } from "./client";
import type { BenchServer } from "./server";

/** One run's figures, by name (the runner reports the median of each over the runs). */
export type Figures = Record<string, number>;

/** The main bench server (port 3500) with its signed-in people. */
export type MainFixture = {
  server: BenchServer;
  parent: Client;
  /** Children made for the bench, signed in; `crowd` are the 200 who wait together in B1. */
  solo: Client;
  crowd: Client[];
  /** A child no other benchmark chats as: B6 loads its pages in a known state, whatever ran before. */
  fresh: Client;
};

export type Log = (line: string) => void;
