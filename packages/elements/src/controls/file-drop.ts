import { css, html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { DocumentKind } from '@collectkit/sdk';
import { LocalizedElement } from '../i18n/localized-element.js';
import { controlStyles } from '../theme/controls.styles.js';
import { tokens } from '../theme/tokens.styles.js';
import type { UploadProgress } from './file-drop-upload.js';
import { LiveAnnouncer } from './live-announcer.js';

/** Uploads one file of a kind, reporting progress; resolves with the stored document's id. */
export type FileUploader = (
  file: File,
  kind: DocumentKind,
  options: { onProgress: (progress: UploadProgress) => void; signal: AbortSignal },
) => Promise<{ id: string }>;

/** A file the control holds: uploading, uploaded (with the server's id), or refused. */
export interface DroppedFile {
  readonly key: number;
  readonly name: string;
  readonly size: number;
  readonly kind: DocumentKind;
  readonly status: 'uploading' | 'uploaded' | 'failed';
  readonly loaded: number;
  readonly total: number;
  /** The document id once uploaded. */
  readonly documentId?: string;
  readonly error?: string;
}

/**
 * The document kinds and size limit of the contract (sdk contract/api/document.ts), copied: importing
 * them from the contract module would bring classic zod into the embed bundle, whose schemas probe
 * `new Function` under a strict CSP. The type check below fails when the contract's kinds change.
 */
export const DOCUMENT_KINDS = ['invoice', 'correspondence', 'contract', 'dispute', 'other'] as const;
export const documentKindsMatchContract: [Exclude<DocumentKind, (typeof DOCUMENT_KINDS)[number]>] extends [never]
  ? [(typeof DOCUMENT_KINDS)[number]] extends [DocumentKind]
    ? true
    : never
  : never = true;
/** 10 MiB, the server's MAX_DOCUMENT_BYTES; the server enforces it (413) whatever this says. */
const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** What the server takes: the type is judged from the bytes there. */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.txt,application/pdf,image/png,image/jpeg,text/plain';
const ACCEPTED_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain', ''];
const ACCEPTED_EXTENSIONS = /\.(pdf|png|jpe?g|txt)$/i;

const fileDropStyles = css`
  :host {
    display: block;
  }

  .zone {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    padding: calc(var(--_space) * 1.25);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .zone.over {
    border-color: var(--_primary);
    background: var(--_subtle);
  }

  ul {
    list-style: none;
    margin: calc(var(--_space) * 0.5) 0 0;
    padding: 0;
  }

  li {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    gap: 0.25em 0.75em;
    padding-block: 0.4em;
    border-block-end: 1px solid color-mix(in srgb, var(--_border) 25%, var(--_surface));
  }

  .name {
    overflow-wrap: anywhere;
  }

  .meta {
    color: var(--_muted);
    font-size: 0.875em;
  }

  progress {
    grid-column: 1 / -1;
    inline-size: 100%;
    block-size: 0.5em;
    accent-color: var(--_primary);
  }

  .error {
    grid-column: 1 / -1;
  }
`;

let nextKey = 0;

/**
 * @summary Documents by drag and drop or a keyboard-usable "Choose files" button, each uploaded at
 * once with a progress bar. The host gives the upload function (`uploader`); the control keeps the
 * list and the server's ids (`documentIds`).
 *
 * Progress comes from XMLHttpRequest's upload events (see file-drop-upload.ts for why not fetch).
 * A file over the size limit or of a type the server refuses is not sent; the reason is shown and
 * announced.
 *
 * @event change - When the list of uploaded documents changes (one uploaded or removed).
 * @csspart kind - The document kind select.
 * @csspart dropzone - The area files are dropped on.
 * @csspart button - The "Choose files" and remove buttons.
 * @csspart files - The list of files.
 * @csspart progress - One file's progress bar.
 * @csspart field-error - A file's error text.
 * @csspart live-region - The visually hidden live region.
 * @cssprop --collect-color-primary - The drop area's border while a file is dragged over it.
 */
export class CollectFileDrop extends LocalizedElement {
  static override styles = [tokens, controlStyles, fileDropStyles];


  private readonly announcer = new LiveAnnouncer(this);

  /** Language of the control; inherited from the page when unset. */
  @property({ reflect: true }) override lang!: string;
  /** Sends one file; set by the element that uses the control. Without it files are refused. */
  @property({ attribute: false }) uploader: FileUploader | null = null;
  /** The largest file accepted, in bytes. Default 10 MiB, the server's limit. */
  @property({ type: Number, attribute: 'max-bytes' }) maxBytes = MAX_DOCUMENT_BYTES;
  @property({ type: Boolean, reflect: true }) disabled = false;

  @state() private files: DroppedFile[] = [];
  @state() private kind: DocumentKind = 'invoice';
  @state() private dragOver = false;

  @query('input[type="file"]') private picker!: HTMLInputElement;
  private readonly uploads = new Map<number, AbortController>();

  /** Every file in the list, in the order added. */
  get items(): readonly DroppedFile[] {
    return this.files;
  }

  /** Ids of the uploaded documents. */
  get documentIds(): string[] {
    return this.files.flatMap((f) => (f.status === 'uploaded' && f.documentId ? [f.documentId] : []));
  }

  /** Whether an upload is still running. */
  get busy(): boolean {
    return this.files.some((f) => f.status === 'uploading');
  }

  /** Empties the list (after the documents went with a case). Running uploads are cancelled. */
  clear(): void {
    for (const controller of this.uploads.values()) controller.abort();
    this.uploads.clear();
    this.files = [];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const controller of this.uploads.values()) controller.abort();
    this.uploads.clear();
  }

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('.choose')?.focus(options);
  }

  /** Adds files as if dropped: each is checked, then uploaded with the kind chosen. */
  addFiles(files: Iterable<File>): void {
    for (const file of files) this.addFile(file);
  }

  private addFile(file: File): void {
    const t = this.localize.t.fileDrop;
    const maxMb = Math.floor(this.maxBytes / (1024 * 1024));
    const key = nextKey++;
    const base = { key, name: file.name, size: file.size, kind: this.kind, loaded: 0, total: file.size };
    const refusal =
      file.size > this.maxBytes
        ? t.tooLarge(file.name, maxMb)
        : !ACCEPTED_TYPES.includes(file.type) || (file.type === '' && !ACCEPTED_EXTENSIONS.test(file.name))
          ? t.wrongType(file.name)
          : !this.uploader
            ? t.failed(file.name)
            : '';
    if (refusal) {
      this.files = [...this.files, { ...base, status: 'failed', error: refusal }];
      this.announcer.announce(refusal, 'assertive');
      return;
    }
    this.files = [...this.files, { ...base, status: 'uploading' }];
    void this.upload(key, file, this.kind);
  }

  private async upload(key: number, file: File, kind: DocumentKind): Promise<void> {
    const t = this.localize.t.fileDrop;
    const controller = new AbortController();
    this.uploads.set(key, controller);
    try {
      const document = await this.uploader!(file, kind, {
        signal: controller.signal,
        onProgress: ({ loaded, total }) => this.patch(key, { loaded, total: total || file.size }),
      });
      this.patch(key, { status: 'uploaded', documentId: document.id, loaded: file.size, total: file.size });
      this.announcer.announce(t.uploaded(file.name));
      this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    } catch {
      if (controller.signal.aborted) return;
      this.patch(key, { status: 'failed', error: t.failed(file.name) });
      this.announcer.announce(t.failed(file.name), 'assertive');
    } finally {
      this.uploads.delete(key);
    }
  }

  private patch(key: number, change: Partial<DroppedFile>): void {
    this.files = this.files.map((f) => (f.key === key ? { ...f, ...change } : f));
  }

  private removeFile(file: DroppedFile, index: number): void {
    this.uploads.get(file.key)?.abort();
    this.uploads.delete(file.key);
    this.files = this.files.filter((f) => f.key !== file.key);
    this.announcer.announce(this.localize.t.fileDrop.removed(file.name));
    if (file.status === 'uploaded') this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    // Focus stays in the list (the next file's remove button), else goes back to the picker.
    void this.updateComplete.then(() => {
      const buttons = this.renderRoot.querySelectorAll<HTMLElement>('.remove');
      (buttons[Math.min(index, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('.choose'))?.focus();
    });
  }

  private onDragOver(event: DragEvent): void {
    if (this.disabled) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragOver = true;
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragOver = false;
    if (this.disabled || !event.dataTransfer) return;
    this.addFiles(event.dataTransfer.files);
  }

  private onPicked(): void {
    const files = [...(this.picker.files ?? [])];
    this.picker.value = ''; // the same file can be chosen again after a failure
    this.addFiles(files);
  }

  private sizeText(bytes: number): string {
    const kb = bytes / 1024;
    const unit = kb >= 1024 ? 'megabyte' : 'kilobyte';
    const value = kb >= 1024 ? kb / 1024 : Math.max(kb, 0.1);
    return new Intl.NumberFormat(this.localize.locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
  }

  private renderFile(file: DroppedFile, index: number): TemplateResult {
    const t = this.localize.t.fileDrop;
    const errorId = `file-${file.key}-error`;
    return html`<li data-status=${file.status}>
      <span class="name">
        ${file.name}
        <span class="meta">· ${t.kinds[file.kind]} · ${this.sizeText(file.size)}</span>
      </span>
      <button type="button" class="link remove" part="button" aria-describedby=${file.error ? errorId : nothing} @click=${() => this.removeFile(file, index)}>
        ${t.remove(file.name)}
      </button>
      ${file.status === 'failed'
        ? html`<p id=${errorId} class="field-error error" part="field-error">${file.error}</p>`
        : html`<progress part="progress" max=${file.total || 1} .value=${file.loaded} aria-label=${t.progressOf(file.name)}></progress>`}
    </li>`;
  }

  protected override render(): TemplateResult {
    const t = this.localize.t.fileDrop;
    const maxMb = Math.floor(this.maxBytes / (1024 * 1024));
    return html`<div class="field">
        <label for="kind">${t.kind}</label>
        <select id="kind" part="kind" ?disabled=${this.disabled} @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as DocumentKind)}>
          ${DOCUMENT_KINDS.map((kind) => html`<option value=${kind} ?selected=${kind === this.kind}>${t.kinds[kind]}</option>`)}
        </select>
      </div>
      <div
        class="zone ${this.dragOver ? 'over' : ''}"
        part="dropzone"
        @dragenter=${this.onDragOver}
        @dragover=${this.onDragOver}
        @dragleave=${() => (this.dragOver = false)}
        @drop=${this.onDrop}
      >
        <span id="drop-text">${t.dropHere}</span>
        <button type="button" class="choose" part="button" aria-describedby="drop-hint" ?disabled=${this.disabled} @click=${() => this.picker.click()}>
          ${t.choose}
        </button>
        <span id="drop-hint" class="hint">${t.hint(maxMb)}</span>
        <input type="file" multiple accept=${ACCEPT} hidden @change=${this.onPicked} />
      </div>
      ${this.files.length > 0
        ? html`<ul part="files">
            ${repeat(this.files, (f) => f.key, (f, i) => this.renderFile(f, i))}
          </ul>`
        : nothing}
      ${this.announcer.render()}`;
  }
}
