import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

// The form for signing in to a CouchDB server's session, for each element that talks to one: the
// name and the password, sent once and never kept.

export interface SignInForm {
  /** What is signed in to, as the form's heading says it. */
  heading: string;
  /** Why the last sign-in failed, in words, if it did. */
  problem: string | undefined;
  signingIn: boolean;
  /** Signs in; resolves true once signed in. */
  signIn(name: string, password: string): Promise<boolean>;
}

export function renderSignInForm(form: SignInForm): TemplateResult {
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (form.signingIn) return;
    const element = event.currentTarget as HTMLFormElement;
    const data = new FormData(element);
    const signedIn = await form
      .signIn(String(data.get('name') ?? '').trim(), String(data.get('password') ?? ''))
      .catch(() => false);
    // The password is never kept, in the page or anywhere else: the field is emptied whatever the answer.
    if (signedIn) element.reset();
    else (element.elements.namedItem('password') as HTMLInputElement).value = '';
  };
  const { problem } = form;
  // The button is aria-disabled rather than disabled while signing in, so that focus stays on it.
  return html`<form class="sign-in" @submit=${submit} aria-labelledby="sign-in-heading">
    <h3 id="sign-in-heading">${form.heading}</h3>
    ${problem ? html`<p class="error-message" id="sign-in-error" role="alert">${problem}</p>` : nothing}
    <div class="field">
      <label for="sign-in-name">${msg('Name')}</label>
      <input
        id="sign-in-name"
        name="name"
        type="text"
        autocomplete="username"
        required
        aria-describedby=${problem ? 'sign-in-error' : nothing}
      />
    </div>
    <div class="field">
      <label for="sign-in-password">${msg('Password')}</label>
      <input id="sign-in-password" name="password" type="password" autocomplete="current-password" required />
    </div>
    <button type="submit" class="primary" aria-disabled=${form.signingIn ? 'true' : 'false'}>
      ${form.signingIn ? msg('Signing in…') : msg('Sign in')}
    </button>
  </form>`;
}
