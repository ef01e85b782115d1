import { graphqlOverHttp } from './graphql-client.ts';

export type UploadResult = {
  fileName: string;
  materialId?: string;
  error?: { code: string; bishopCode: string; message: string };
};

/** What the distributed and fault suites do through the public API, as a user would. */
export function apiClient(baseUrl: string) {
  const gql = graphqlOverHttp(baseUrl);
  return {
    gql,
    async signUp(email: string, fullName = 'Ada Lovelace', password = 'correct horse battery'): Promise<string> {
      const result = await gql(`mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }`, {
        i: { email, fullName, password },
      });
      const token = result.data?.signUp?.accessToken;
      if (!token) throw new Error(`signUp failed: ${JSON.stringify(result.errors)}`);
      return token;
    },
    async createAvatar(token: string, name: string): Promise<{ avatarId: string; position: string }> {
      const result = await gql(
        'mutation($n: String!) { createAvatar(name: $n) { avatarId position } }',
        { n: name },
        { token },
      );
      const created = result.data?.createAvatar;
      if (!created) throw new Error(`createAvatar failed: ${JSON.stringify(result.errors)}`);
      return created;
    },
    /** Uploads text files; returns each file's material id (or the error the gateway gave). */
    uploadTexts(token: string, avatarId: string, files: readonly { name: string; text: string }[]) {
      return this.uploadFiles(
        token,
        avatarId,
        files.map((file) => ({ name: file.name, bytes: new TextEncoder().encode(file.text), type: 'text/plain' })),
      );
    },
    /** Uploads files as a browser would (multipart, many per request); one result per file. */
    async uploadFiles(
      token: string,
      avatarId: string,
      files: readonly { name: string; bytes: Uint8Array; type?: string }[],
    ): Promise<{ status: number; results: UploadResult[] }> {
      const form = new FormData();
      for (const file of files) form.append('file', new Blob([file.bytes], { type: file.type ?? '' }), file.name);
      const response = await fetch(`${baseUrl}/api/avatars/${avatarId}/materials`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await response.json()) as { results?: UploadResult[] };
      return { status: response.status, results: body.results ?? [] };
    },
    async materials(token: string, avatarId: string) {
      const result = await gql<{
        avatar: {
          materials: { id: string; fileName: string; state: string; failure: { reason: string } | null }[];
        } | null;
      }>(
        'query($a: ID!) { avatar(id: $a) { materials { id fileName state failure { reason } } } }',
        { a: avatarId },
        { token },
      );
      return result.data?.avatar?.materials ?? [];
    },
  };
}
