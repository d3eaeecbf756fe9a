import { graphql } from '../gql';

export const sessionUserFragment = graphql(`
  fragment SessionUser on User {
    id
    name
    email
    role
    plan { id title }
    areaSecretariat { id name }
  }
`);

export const loginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      accessToken
      user { ...SessionUser }
    }
  }
`);

export const meQuery = graphql(`
  query Me {
    me { ...SessionUser }
  }
`);
