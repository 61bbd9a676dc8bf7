/**
 * What version of the consumers a CI run publishes or deploys: the git commit (consumer version),
 * the git branch, and the build URL when the run happens in GitHub Actions.
 *
 * Precedence: flag, then GitHub Actions' variables, then `git` itself, so the same script gives
 * the same answer on a laptop and in CI. On a pull request GitHub's `GITHUB_SHA` is a merge commit
 * that exists nowhere else; the workflow passes `--version <head sha>` instead.
 */
import { spawnSync } from 'node:child_process';
import { failure } from './errors';

export interface VersionFacts {
  /** Consumer version number: the full git SHA. */
  version: string;
  branch: string;
  buildUrl?: string;
}

export interface VersionFlags {
  version?: string | undefined;
  branch?: string | undefined;
  buildUrl?: string | undefined;
}

/** Runs `git <args>` in the repository; returns trimmed stdout, or undefined when git fails. */
export type Git = (args: string[]) => string | undefined;

export const git: Git = (args) => {
  const result = spawnSync('git', args, { encoding: 'utf8', cwd: `${__dirname}/../..` });
  return result.status === 0 ? result.stdout.trim() : undefined;
};

export function versionFacts(
  flags: VersionFlags,
  env: NodeJS.ProcessEnv = process.env,
  runGit: Git = git,
): VersionFacts {
  const facts: VersionFacts = {
    version: consumerVersion(flags, env, runGit),
    branch: gitBranch(flags, env, runGit),
  };
  const buildUrl = flags.buildUrl ?? githubBuildUrl(env);
  if (buildUrl) facts.buildUrl = buildUrl;
  return facts;
}

export function consumerVersion(
  flags: VersionFlags,
  env: NodeJS.ProcessEnv = process.env,
  runGit: Git = git,
): string {
  const version = flags.version ?? (env.GITHUB_SHA || undefined) ?? runGit(['rev-parse', 'HEAD']);
  if (!version) {
    throw failure(
      'tell the consumer version',
      'there is no --version flag, no GITHUB_SHA and no git commit here',
      'Run from a git checkout or pass --version <git sha>.',
    );
  }
  return version;
}

export function gitBranch(
  flags: VersionFlags,
  env: NodeJS.ProcessEnv = process.env,
  runGit: Git = git,
): string {
  const branch =
    flags.branch ??
    (env.GITHUB_HEAD_REF || undefined) ??
    (env.GITHUB_REF_NAME || undefined) ??
    runGit(['rev-parse', '--abbrev-ref', 'HEAD']);
  if (!branch || branch === 'HEAD') {
    throw failure(
      'tell the git branch',
      'the checkout is on a detached HEAD and no GITHUB_HEAD_REF or GITHUB_REF_NAME is set',
      'Pass --branch <name>.',
    );
  }
  return branch;
}

function githubBuildUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined;
}
