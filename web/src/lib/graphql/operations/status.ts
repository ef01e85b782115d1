import { graphql } from '../generated/index.ts';

export const ServiceStatus = graphql(`
  query ServiceStatus {
    status {
      ready
      parts {
        name
        ok
        detail
      }
      passwordResetByEmail
    }
  }
`);
