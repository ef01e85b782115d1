import { graphql } from '../generated/index.ts';

export const SessionFields = graphql(`
  fragment SessionFields on Session {
    accessToken
    accessTokenExpiresAt
    user {
      id
      email
      fullName
    }
  }
`);

export const SignUp = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      ...SessionFields
    }
  }
`);

export const LogIn = graphql(`
  mutation LogIn($email: String!, $password: String!) {
    logIn(email: $email, password: $password) {
      ...SessionFields
    }
  }
`);

export const DeleteAccount = graphql(`
  mutation DeleteAccount($password: String!) {
    deleteAccount(password: $password) {
      position
    }
  }
`);

export const Profile = graphql(`
  query Profile {
    me {
      id
      email
      fullName
      registeredAt
      apiTokens {
        id
        name
        issuedAt
        lastUsedAt
        revokedAt
      }
    }
  }
`);

export const UpdateProfile = graphql(`
  mutation UpdateProfile($fullName: String!) {
    updateProfile(fullName: $fullName) {
      position
    }
  }
`);

export const IssueApiToken = graphql(`
  mutation IssueApiToken($name: String!) {
    issueApiToken(name: $name) {
      secret
      position
      token {
        id
        name
      }
    }
  }
`);

export const RevokeApiToken = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      position
    }
  }
`);

export const ResetPassword = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

export const ChangePassword = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

export const ChangeEmail = graphql(`
  mutation ChangeEmail($currentPassword: String!, $newEmail: String!) {
    changeEmail(currentPassword: $currentPassword, newEmail: $newEmail) {
      position
    }
  }
`);

export const RequestPasswordReset = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);
