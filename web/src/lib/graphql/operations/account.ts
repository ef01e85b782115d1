import { graphql } from '../generated/index.ts';

export const SessionFields = graphql(`
  fragment SessionFields on Session {
    accessToken
    accessTokenExpiresAt
    refreshToken
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

export const RefreshSession = graphql(`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      ...SessionFields
    }
  }
`);

export const LogOut = graphql(`
  mutation LogOut($refreshToken: String!) {
    logOut(refreshToken: $refreshToken)
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
