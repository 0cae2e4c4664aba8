/** Who signs: what the device key's certificate says about its holder. */
export interface Signer {
  name: string;
  role: string;
  school: string;
}
