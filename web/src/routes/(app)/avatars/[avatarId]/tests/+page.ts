import { TestReportsDocument } from '$lib/graphql/generated/graphql.ts';
import { load as query } from '$lib/graphql/load.ts';
import type { PageLoad } from './$types';

export const load = (async ({ fetch, params, depends }) => {
  depends('app:training', 'app:blind-test');
  const data = await query(fetch, TestReportsDocument, { avatarId: params.avatarId });
  return {
    reports: data.avatar.testReports,
    activeVersion: data.avatar.activePersonaVersion,
    feedback: data.avatar.replyFeedback,
    blindTestScores: data.avatar.blindTestScores,
  };
}) satisfies PageLoad;
