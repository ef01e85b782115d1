import type { GraphQLServices } from '../services.ts';

export function rootResolvers(services: GraphQLServices) {
  return {
    Query: {
      status: async () => {
        const report = await services.readiness();
        return {
          ready: report.ready,
          parts: Object.entries(report.checks).map(([name, check]) => ({
            name,
            ok: check.ok,
            detail: check.error ?? null,
          })),
          passwordResetByEmail: services.auth.mailsPasswordResets,
        };
      },
    },
    Mutation: {
      ping: () => true,
    },
  };
}
