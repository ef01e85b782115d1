import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { runBishop } from '../src/bishop-process.ts';
import { type RoleProcess, startRole } from '../src/role-process.ts';
import { temporaryDirectory } from '../src/test-env.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const composePath = join(root, 'docker-compose.yml');
const dockerfilePath = join(root, 'infra/docker/Dockerfile');
const dclint = join(root, 'node_modules/.bin/dclint');
const dclintConfig = join(root, 'infra/docker/dclint.json');

interface Service {
  readonly image?: string;
  readonly build?: unknown;
  readonly command?: readonly string[];
  readonly healthcheck?: { test?: unknown };
  readonly depends_on?: Record<string, { condition?: string }>;
  readonly volumes?: readonly string[];
  readonly profiles?: readonly string[];
  readonly environment?: Record<string, string>;
  readonly deploy?: { resources?: { reservations?: { devices?: { capabilities?: string[] }[] } } };
}

/** Problems dclint finds (compose JSON schema + correctness rules); its JSON report, as a list of lines. */
async function lint(path: string): Promise<string[]> {
  const { stdout } = await run(dclint, ['-c', dclintConfig, '-f', 'json', path]).catch(
    (failed: { stdout: string }) => failed,
  );
  const [report] = JSON.parse(stdout) as { messages: { line: number; message: string; rule: string }[] }[];
  return (report?.messages ?? []).map((m) => `${m.line}: ${m.message} (${m.rule})`);
}

/** The roles and worker kinds the real CLI knows, from its own usage text. */
async function cliRoles(): Promise<{ roles: string[]; workerKinds: string[] }> {
  const { stderr } = await runBishop(['run']);
  const roles = /bishop run ([a-z|-]+)\n/.exec(stderr)?.[1]?.split('|') ?? [];
  const workerKinds = /bishop run worker ([a-z|-]+)/.exec(stderr)?.[1]?.split('|') ?? [];
  assert.ok(roles.length > 0 && workerKinds.length > 0, stderr);
  return { roles: [...roles, 'worker'], workerKinds };
}

describe('docker-compose.yml', () => {
  let compose: { services: Record<string, Service>; volumes: Record<string, unknown> };
  let bishopServices: [string, Service][];

  before(async () => {
    compose = parse(await readFile(composePath, 'utf8'), { merge: true });
    bishopServices = Object.entries(compose.services).filter(([, service]) => service.image?.startsWith('bishop:'));
  });

  it('passes the compose schema and dclint’s correctness rules', async () => {
    assert.deepEqual(await lint(composePath), []);
  });

  it('would fail validation if it were broken (the validator bites)', async () => {
    const dir = await temporaryDirectory('compose');
    try {
      const broken = join(dir.path, 'docker-compose.yml');
      const source = await readFile(composePath, 'utf8');
      await writeFile(broken, source.replace('    command: ["run", "projector"]', '    command: { run: projector }'));
      const problems = await lint(broken);
      assert.ok(
        problems.some((p) => /projector\/command/.test(p)),
        `expected a schema error: ${problems}`,
      );
    } finally {
      await dir.remove();
    }
  });

  it('passes docker compose config when the compose plugin is installed', async (t) => {
    const plugin = await run('docker', ['compose', 'version']).then(
      () => true,
      () => false,
    );
    if (!plugin) {
      console.log('SKIPPED: docker compose config (no compose plugin here; dclint validated the schema above)');
      t.skip('no docker compose plugin');
      return;
    }
    await run('docker', ['compose', '-f', composePath, 'config', '-q'], {
      env: { ...process.env, BISHOP_MASTER_KEY: Buffer.alloc(32).toString('base64') },
    });
  });

  it('runs every role as a service, one per worker kind, each command a real `bishop run` role', async () => {
    const { roles, workerKinds } = await cliRoles();
    const commands = bishopServices.map(([name, service]) => [name, service.command ?? []] as const);
    for (const [name, command] of commands) {
      assert.equal(command[0], 'run', `${name} runs a role`);
      assert.ok(roles.includes(command[1] as string), `${name}: "${command[1]}" is a role (${roles})`);
      if (command[1] === 'worker') assert.ok(workerKinds.includes(command[2] as string), `${name}: ${command[2]}`);
    }
    const always = commands.filter(([name]) => !compose.services[name]?.profiles?.length);
    for (const role of roles.filter((r) => r !== 'worker')) {
      assert.ok(
        always.some(([, command]) => command[1] === role),
        `a service runs ${role}`,
      );
    }
    for (const kind of workerKinds) {
      assert.ok(
        always.some(([name, command]) => name === `worker-${kind}` && command[2] === kind),
        `add a worker-${kind} service running ["run", "worker", "${kind}"] to docker-compose.yml`,
      );
    }
  });

  it('gives the stores healthchecks and data volumes, and the roles healthchecks and healthy dependencies', () => {
    for (const store of ['eventstore', 'postgres', 'nats', 'minio']) {
      const service = compose.services[store] as Service;
      assert.ok(service.healthcheck?.test, `${store} has a healthcheck`);
      assert.ok(
        service.volumes?.some((volume) => compose.volumes[volume.split(':')[0] as string] !== undefined),
        `${store} keeps its data in a named volume`,
      );
    }
    const appendSize = Number(compose.services.eventstore?.environment?.EVENTSTORE_MAX_APPEND_SIZE);
    assert.ok(appendSize >= 8 * 1024 * 1024, 'EventStoreDB takes appends of 8 MiB');
    for (const [name, service] of bishopServices) {
      assert.ok(service.healthcheck?.test, `${name} has a healthcheck`);
      const conditions = Object.values(service.depends_on ?? {}).map((d) => d.condition);
      assert.ok(conditions.length > 0 && conditions.every((c) => c === 'service_healthy'), name);
      if (name.startsWith('worker-')) assert.ok(service.volumes?.includes('models:/models'), `${name} mounts models`);
    }
  });

  it('offers GPU workers behind the gpu profile, with device reservations', () => {
    const gpu = bishopServices.filter(([, service]) => service.profiles?.includes('gpu'));
    assert.ok(gpu.length > 0);
    for (const [name, service] of gpu) {
      const devices = service.deploy?.resources?.reservations?.devices ?? [];
      assert.ok(
        devices.some((d) => d.capabilities?.includes('gpu')),
        `${name} reserves a GPU`,
      );
    }
  });
});

describe('infra/docker/Dockerfile', () => {
  let dockerfile: string;
  let web: RoleProcess;
  let webDir: Awaited<ReturnType<typeof temporaryDirectory>>;

  before(async () => {
    dockerfile = await readFile(dockerfilePath, 'utf8');
    webDir = await temporaryDirectory('docker-web');
    await writeFile(join(webDir.path, 'index.html'), '<!doctype html><title>Bishop</title>\n');
    web = await startRole('web', ['web'], { BISHOP_WEB_DIR: webDir.path, BISHOP_LOG_LEVEL: 'warn' });
  });
  after(async () => {
    await web?.stop();
    await webDir?.remove();
  });

  it('is multi-stage, installs runtime dependencies only, adds ffmpeg and espeak-ng, and runs as a non-root user', () => {
    assert.ok((dockerfile.match(/^FROM /gm) ?? []).length >= 3, 'several stages');
    assert.match(dockerfile, /npm ci --omit=dev/);
    assert.match(dockerfile, /apt-get install[^\n]*ffmpeg[^\n]*espeak-ng/);
    const users = [...dockerfile.matchAll(/^USER (\S+)/gm)].map((m) => m[1]);
    assert.ok(users.length > 0 && !users.includes('root'), `USER ${users}`);
    assert.match(dockerfile, /^HEALTHCHECK /m);
  });

  it('copies only paths that exist in the repository', () => {
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => (m[1] as string).split(' '));
    assert.ok(sources.length > 5);
    for (const source of sources) assert.ok(existsSync(join(root, source)), `COPY ${source}`);
  });

  it('has a HEALTHCHECK command that really probes a running role', async () => {
    const exec = /^HEALTHCHECK [^\n]*\\\n\s*CMD (\[.+\])$/m.exec(dockerfile)?.[1];
    assert.ok(exec, 'HEALTHCHECK … CMD [exec form]');
    const [program, ...args] = JSON.parse(exec) as string[];
    assert.equal(program, 'node');
    const port = new URL(web.url).port;
    await run(process.execPath, args, { env: { ...process.env, BISHOP_PORT: port } });
    await web.stop();
    await assert.rejects(run(process.execPath, args, { env: { ...process.env, BISHOP_PORT: port } }));
  });
});
