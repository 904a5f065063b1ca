// User: an owner, editor or viewer of a Drive item.
import type { Implements } from '../services';

export class DriveUser
  implements Implements<GoogleAppsScript.Drive.User, 'getEmail' | 'getName' | 'getDomain' | 'getPhotoUrl'>
{
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
  getName(): string {
    return this.email.split('@')[0];
  }
  getDomain(): string {
    return this.email.split('@')[1] ?? '';
  }
  getPhotoUrl(): string {
    return '';
  }
}
