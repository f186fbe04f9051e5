/**
 * Benchmark of the Redis model store (`npm run bench:store`). Starts its own redis-server and
 * prints, for 1, 8 and 64 concurrent writers: updates per second and p50/p99 latency on one hot
 * model and spread over 1,000 models, next to the floor measured in the same run (the same
 * number of plain SET+GET round trips on the same connections); then Redis memory per model for
 * models of 10, 100 and 500 threats. Numbers, not assertions: compare the ratios between runs.
 */
import { Redis } from 'ioredis';
import type { ThreatModel } from '../src/domain/model';
import type { Threat } from '../src/domain/threat';
import { RedisKeys } from '../src/store/redis-keys';
import { RedisModelStore } from '../src/store/redis-model-store';
import { startRedisServer } from '../src/store/redis-server-process';
import { measure, row } from './measure';

const WS = 'T0BENCHWS';
const OWNER = 'U0BENCH01';
const UPDATES_PER_RUN = Number(process.env.BENCH_UPDATES ?? 2000);
const WRITERS = [1, 8, 64];

function threat(n: number): Threat {
  return {
    id: `T-${n}`,
    threatSource: 'internet-based threat actor',
    prerequisites: 'with a valid customer session',
    threatAction: `tamper with refund request number ${n} to change the amount`,
    threatImpact: 'refunds larger than the original payment',
    impactedGoals: ['integrity'],
    impactedAssetIds: [],
    stride: ['T'],
    affectedElementIds: [],
    origin: { type: 'catalog', catalogThreatId: 'thr-mass-assignment' },
    risk: { before: { likelihood: 3, impact: 4 } },
    createdBy: OWNER,
    createdAt: '2026-11-25T10:00:00.000Z',
  };
}

function withThreats(model: ThreatModel, count: number): ThreatModel {
  return {
    ...model,
    threats: Array.from({ length: count }, (_, i) => threat(i + 1)),
    counters: { ...model.counters, threat: count },
  };
}

/** One small, realistic edit: rename the model (constant size, so runs compare). */
const edit =
  (i: number) =>
  (model: ThreatModel): ThreatModel => ({ ...model, title: `Refunds API (rev ${i})` });

const fmt = (n: number, digits = 0) => n.toFixed(digits);

async function main(): Promise<void> {
  const server = await startRedisServer();
  const connections = Array.from({ length: Math.max(...WRITERS) }, () => new Redis(server.url));
  try {
    const keys = new RedisKeys('bench:');
    const stores = connections.map((redis) => new RedisModelStore({ redis, keys }));
    const first = stores[0] as RedisModelStore;
    const base = { workspaceId: WS, channelId: 'C0BENCH01', ownerId: OWNER };

    const hot = await first.create({ ...base, title: 'Hot model' }, OWNER);
    await first.update({ workspaceId: WS, modelId: hot.id }, { actor: OWNER, action: 'seed' }, (m) =>
      withThreats(m, 10),
    );
    const spread: string[] = [];
    for (let i = 0; i < 1000; i++) spread.push((await first.create({ ...base, title: `Model ${i}` }, OWNER)).id);

    console.log(`Store benchmark: ${UPDATES_PER_RUN} operations per run, Redis ${server.url}, Node ${process.version}`);
    console.log(row(['scenario', 'writers', 'ops/s', 'p50 ms', 'p99 ms', 'x floor']));
    for (const writers of WRITERS) {
      const floor = await measure(writers, UPDATES_PER_RUN, async (w, i) => {
        const redis = connections[w] as Redis;
        await redis.set(`bench:floor:${i % 1000}`, 'x'.repeat(64));
        await redis.get(`bench:floor:${i % 1000}`);
      });
      const hotRun = await measure(writers, UPDATES_PER_RUN, (w, i) =>
        (stores[w] as RedisModelStore).update(
          { workspaceId: WS, modelId: hot.id },
          { actor: OWNER, action: 'bench' },
          edit(i),
        ),
      );
      const spreadRun = await measure(writers, UPDATES_PER_RUN, (w, i) =>
        (stores[w] as RedisModelStore).update(
          { workspaceId: WS, modelId: spread[Math.floor(Math.random() * spread.length)] as string },
          { actor: OWNER, action: 'bench' },
          edit(i),
        ),
      );
      for (const [name, result] of [
        ['floor: SET+GET round trips', floor],
        ['update, one hot model', hotRun],
        ['update, over 1,000 models', spreadRun],
      ] as const) {
        console.log(
          row([
            name,
            writers,
            fmt(result.opsPerSecond),
            fmt(result.p50, 2),
            fmt(result.p99, 2),
            fmt(floor.opsPerSecond / result.opsPerSecond, 1),
          ]),
        );
      }
    }

    console.log('\nRedis memory per model (model hash + audit stream; index entries add about 100 bytes per index)');
    console.log(row(['threats', 'JSON bytes', 'model bytes', 'audit bytes', 'total bytes']));
    const redis = connections[0] as Redis;
    for (const count of [10, 100, 500]) {
      const model = await first.create({ ...base, title: `Sized ${count}` }, OWNER);
      const ref = { workspaceId: WS, modelId: model.id };
      // Added one at a time, as a team would, so the audit stream holds one entry per threat.
      for (let n = 1; n <= count; n++) {
        await first.update(ref, { actor: OWNER, action: 'threat.add' }, (m) => ({
          ...m,
          threats: [...m.threats, threat(n)],
          counters: { ...m.counters, threat: n },
        }));
      }
      const json = (await redis.hget(keys.model(WS, model.id), 'json')) ?? '';
      const modelBytes = Number(await redis.call('MEMORY', 'USAGE', keys.model(WS, model.id), 'SAMPLES', '0'));
      const auditBytes = Number(await redis.call('MEMORY', 'USAGE', keys.audit(WS, model.id), 'SAMPLES', '0'));
      console.log(row([count, json.length, modelBytes, auditBytes, modelBytes + auditBytes]));
    }
  } finally {
    await Promise.all(connections.map((redis) => redis.quit()));
    await server.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
