// "Copy code" buttons (src/components/CopyableCode.astro): hidden without JavaScript, where the
// code is ordinary selectable text; with it, one press copies the whole code. What it says comes
// from the button's data attributes, in the page's language.
export function enableCopyButtons(root: ParentNode = document): void {
  if (!navigator.clipboard) return;
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const status = button.parentElement?.querySelector<HTMLElement>('[data-copy-status]');
    const label = button.textContent ?? '';
    button.hidden = false;
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(button.dataset.copy ?? '').then(
        () => {
          button.textContent = button.dataset.copied ?? '';
          if (status) status.textContent = button.dataset.copiedStatus ?? '';
          setTimeout(() => (button.textContent = label), 3000);
        },
        () => {
          if (status) status.textContent = button.dataset.copyFailed ?? '';
        },
      );
    });
  }
}
