// What a set of new objects keeps alive, from two V8 heap snapshots of one process (node ids are stable within a
// process): objects of the second that the first did not have, grouped by the root of each newly retained subtree
// (a new object whose immediate dominator is an old one). Dominators by Cooper, Harvey and Kennedy's iterative
// algorithm over the strong edges, as Chrome DevTools computes retained sizes.
import fs from "node:fs";

type Snapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
};

const read = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as Snapshot;

function nodeIds(file: string): Set<number> {
  const { snapshot, nodes } = read(file);
  const stride = snapshot.meta.node_fields.length;
  const at = snapshot.meta.node_fields.indexOf("id");
  const ids = new Set<number>();
  for (let i = 0; i < nodes.length; i += stride) ids.add(nodes[i + at] as number);
  return ids;
}

export type Group = { label: string; bytes: number; count: number };

/**
 * New retained subtrees of `after` grouped by their root's type and name, biggest first; `chain` lists the async
 * functions suspended in the biggest context subtree, innermost first (the awaits that hold a request open).
 */
export function heapDiff(beforeFile: string, afterFile: string): { total: number; groups: Group[]; chain: string[] } {
  const old = nodeIds(beforeFile);
  const { snapshot, nodes, edges, strings } = read(afterFile);
  const { node_fields: nf, edge_fields: ef } = snapshot.meta;
  const [nodeTypes] = snapshot.meta.node_types;
  const [edgeTypes] = snapshot.meta.edge_types;
  const S = nf.length;
  const E = ef.length;
  const [iType, iName, iId, iSize, iEdges] = ["type", "name", "id", "self_size", "edge_count"].map((f) =>
    nf.indexOf(f),
  );
  const [eType, eName, eTo] = ["type", "name_or_index", "to_node"].map((f) => ef.indexOf(f));
  const n = nodes.length / S;
  const field = (v: number, i: number | undefined) => nodes[v * S + (i ?? 0)] as number;
  const first = new Uint32Array(n + 1);
  for (let v = 0, e = 0; v < n; v++) {
    first[v] = e;
    e += field(v, iEdges) * E;
  }
  first[n] = edges.length;
  const weak = new Set([edgeTypes.indexOf("weak"), edgeTypes.indexOf("shortcut")]);
  const strong = (e: number) => !weak.has(edges[e + (eType ?? 0)] as number);
  const target = (e: number) => (edges[e + (eTo ?? 0)] as number) / S;

  // Predecessors over strong edges, then a post-order from the root (node 0).
  const predCount = new Uint32Array(n + 1);
  const edgesOf = function* (v: number) {
    for (let e = first[v] ?? 0; e < (first[v + 1] ?? 0); e += E) if (strong(e)) yield target(e);
  };
  for (let v = 0; v < n; v++) for (const w of edgesOf(v)) predCount[w] = (predCount[w] ?? 0) + 1;
  const predStart = new Uint32Array(n + 1);
  for (let v = 0; v < n; v++) predStart[v + 1] = (predStart[v] ?? 0) + (predCount[v] ?? 0);
  const preds = new Uint32Array(predStart[n] ?? 0);
  const fill = predStart.slice();
  for (let v = 0; v < n; v++) {
    for (const w of edgesOf(v)) {
      const slot = fill[w] ?? 0;
      fill[w] = slot + 1;
      preds[slot] = v;
    }
  }
  const post = new Int32Array(n).fill(-1);
  const order: number[] = [];
  const seen = new Uint8Array(n);
  const stack = [0];
  const next = [first[0] ?? 0];
  seen[0] = 1;
  while (stack.length > 0) {
    const v = stack.at(-1) as number;
    const top = next.length - 1;
    let descended = false;
    while ((next[top] as number) < (first[v + 1] as number)) {
      const e = next[top] as number;
      next[top] = e + E;
      const w = target(e);
      if (!strong(e) || seen[w]) continue;
      seen[w] = 1;
      stack.push(w);
      next.push(first[w] ?? 0);
      descended = true;
      break;
    }
    if (!descended) {
      stack.pop();
      next.pop();
      post[v] = order.length;
      order.push(v);
    }
  }
  const idom = new Int32Array(n).fill(-1);
  idom[0] = 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (let k = order.length - 2; k >= 0; k--) {
      const v = order[k] as number;
      let dom = -1;
      for (let p = predStart[v] ?? 0; p < (predStart[v + 1] ?? 0); p++) {
        let a = preds[p] as number;
        if (post[a] === -1 || idom[a] === -1) continue;
        if (dom === -1) {
          dom = a;
          continue;
        }
        let b = dom;
        while (a !== b) {
          while ((post[a] as number) < (post[b] as number)) a = idom[a] as number;
          while ((post[b] as number) < (post[a] as number)) b = idom[b] as number;
        }
        dom = a;
      }
      if (dom !== -1 && idom[v] !== dom) {
        idom[v] = dom;
        changed = true;
      }
    }
  }
  const retained = new Float64Array(n);
  for (const v of order) {
    retained[v] = (retained[v] ?? 0) + field(v, iSize);
    if (v !== 0) retained[idom[v] as number] = (retained[idom[v] as number] ?? 0) + (retained[v] as number);
  }

  const name = (v: number) => strings[field(v, iName)] ?? "";
  const type = (v: number) => nodeTypes[field(v, iType)] ?? "";
  /** The function an async function's suspended state (a "Generator" in the snapshot) belongs to. */
  const functionOf = (v: number) => {
    for (let e = first[v] ?? 0; e < (first[v + 1] ?? 0); e += E) {
      if (strings[edges[e + (eName ?? 0)] as number] === "function") return name(target(e)) || "(anonymous)";
    }
    return "?";
  };
  const label = (v: number) => (type(v).includes("string") ? type(v) : `${type(v)} ${name(v).slice(0, 50)}`);
  const isNew = (v: number) => !old.has(field(v, iId));
  const groups = new Map<string, Group>();
  let total = 0;
  let biggestContext = -1;
  for (const v of order) {
    if (!isNew(v) || isNew(idom[v] as number)) continue;
    total += retained[v] as number;
    const key = label(v);
    const group = groups.get(key) ?? { label: key, bytes: 0, count: 0 };
    group.bytes += retained[v] as number;
    group.count++;
    groups.set(key, group);
    if (
      name(v) === "system / Context" &&
      (biggestContext < 0 || (retained[v] as number) > (retained[biggestContext] as number))
    )
      biggestContext = v;
  }
  // In post-order a dominator comes after what it dominates: the outermost function first, so reversed.
  const chain: string[] = [];
  if (biggestContext >= 0) {
    const inside = (v: number) => {
      for (let d = v; d !== 0; d = idom[d] as number) if (d === biggestContext) return true;
      return false;
    };
    for (const v of order) if (name(v) === "Generator" && inside(v)) chain.push(functionOf(v));
  }
  return { total, groups: [...groups.values()].sort((a, b) => b.bytes - a.bytes), chain: chain.reverse() };
}
