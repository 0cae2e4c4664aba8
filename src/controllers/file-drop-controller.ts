import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Files dropped anywhere on an element, for the elements that read files (keyboard users have
 * their file inputs). `dragging` is true while files are held over the element, for the look of
 * its drop zone; the host updates when it changes.
 */
export class FileDropController implements ReactiveController {
  dragging = false;

  /**
   * @param accepts Whether the host takes files now (a register in its published view does not).
   * @param onFiles Given the files of each drop the host accepts.
   */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly accepts: () => boolean,
    private readonly onFiles: (files: File[]) => void,
  ) {
    host.addController(this);
    host.addEventListener('dragover', (event) => this.dragOver(event));
    host.addEventListener('dragleave', (event) => this.dragLeave(event));
    host.addEventListener('drop', (event) => this.drop(event));
  }

  /** A drag still held over the element when it leaves the page is over. */
  hostDisconnected(): void {
    this.dragging = false;
  }

  private dragOver(event: DragEvent): void {
    if (!this.accepts() || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.setDragging(true);
  }

  private dragLeave(event: DragEvent): void {
    // Moving between parts of the element fires dragleave too; only leaving it counts.
    if (event.relatedTarget instanceof Node && this.host.contains(event.relatedTarget)) return;
    this.setDragging(false);
  }

  private drop(event: DragEvent): void {
    const files = event.dataTransfer?.files;
    if (!this.accepts() || !files || files.length === 0) return;
    event.preventDefault();
    this.setDragging(false);
    this.onFiles([...files]);
  }

  private setDragging(dragging: boolean): void {
    if (this.dragging === dragging) return;
    this.dragging = dragging;
    this.host.requestUpdate();
  }
}
