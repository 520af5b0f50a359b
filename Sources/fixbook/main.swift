import FixbookCLI
import Foundation

exit(FixbookCommand.run())
