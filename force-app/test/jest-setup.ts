// Registers the sa11y matcher so every component test can assert `await expect(element).toBeAccessible()`.
import { registerSa11yMatcher } from '@sa11y/jest';

registerSa11yMatcher();
